package org.caart.agent.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.W32Errors;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.Winsvc;

import org.caart.agent.platform.ServiceBody;
import org.caart.agent.platform.ServiceControls;
import org.caart.agent.platform.ServiceDefinition;
import org.caart.agent.platform.ServiceException;
import org.caart.agent.platform.SystemServices;

/** The Windows Service Control Manager through JNA's Advapi32 and Winsvc: thin calls only, no decisions. */
public final class WindowsServices implements SystemServices {

    private static final int ERROR_SERVICE_EXISTS = 1073;
    private static final int ERROR_SERVICE_DOES_NOT_EXIST = 1060;
    private static final int ERROR_FAILED_SERVICE_CONTROLLER_CONNECT = 1063;
    private static final int ERROR_SERVICE_SPECIFIC_ERROR = 1066;
    private static final int RESTART_DELAY_MILLIS = 60_000;
    private static final int RESET_PERIOD_SECONDS = 86_400;

    private static final Advapi32 API = Advapi32.INSTANCE;

    @Override
    public boolean installed(String name) {
        Winsvc.SC_HANDLE manager = manager(Winsvc.SC_MANAGER_CONNECT);
        try {
            Winsvc.SC_HANDLE service = API.OpenService(manager, name, Winsvc.SERVICE_QUERY_STATUS);
            if (service == null) {
                return false;
            }
            API.CloseServiceHandle(service);
            return true;
        } finally {
            API.CloseServiceHandle(manager);
        }
    }

    @Override
    public void install(ServiceDefinition definition) {
        Winsvc.SC_HANDLE manager = manager(Winsvc.SC_MANAGER_ALL_ACCESS);
        try {
            Winsvc.SC_HANDLE service = API.CreateService(manager, definition.name(), definition.displayName(),
                    Winsvc.SERVICE_ALL_ACCESS, WinNT.SERVICE_WIN32_OWN_PROCESS, WinNT.SERVICE_AUTO_START,
                    WinNT.SERVICE_ERROR_NORMAL, definition.commandLine(), null, null, null, null, null);
            if (service == null) {
                int error = Native.getLastError();
                throw new ServiceException(error == ERROR_SERVICE_EXISTS
                        ? "the service " + definition.name() + " is installed already; remove it first"
                        : "cannot create the service " + definition.name() + ": " + message(error));
            }
            try {
                Winsvc.SERVICE_DESCRIPTION description = new Winsvc.SERVICE_DESCRIPTION();
                description.lpDescription = definition.description();
                API.ChangeServiceConfig2(service, Winsvc.SERVICE_CONFIG_DESCRIPTION, description);
                API.ChangeServiceConfig2(service, Winsvc.SERVICE_CONFIG_FAILURE_ACTIONS, restartOnFailure());
            } finally {
                API.CloseServiceHandle(service);
            }
        } finally {
            API.CloseServiceHandle(manager);
        }
    }

    private static Winsvc.SERVICE_FAILURE_ACTIONS restartOnFailure() {
        Winsvc.SC_ACTION.ByReference first = new Winsvc.SC_ACTION.ByReference();
        Winsvc.SC_ACTION[] actions = (Winsvc.SC_ACTION[]) first.toArray(3);
        for (Winsvc.SC_ACTION action : actions) {
            action.type = Winsvc.SC_ACTION_RESTART;
            action.delay = RESTART_DELAY_MILLIS;
            action.write();
        }
        Winsvc.SERVICE_FAILURE_ACTIONS failure = new Winsvc.SERVICE_FAILURE_ACTIONS();
        failure.dwResetPeriod = RESET_PERIOD_SECONDS;
        failure.cActions = actions.length;
        failure.lpsaActions = first;
        return failure;
    }

    @Override
    public void remove(String name) {
        Winsvc.SC_HANDLE manager = manager(Winsvc.SC_MANAGER_ALL_ACCESS);
        try {
            Winsvc.SC_HANDLE service = API.OpenService(manager, name, Winsvc.SERVICE_ALL_ACCESS);
            if (service == null) {
                int error = Native.getLastError();
                throw new ServiceException(error == ERROR_SERVICE_DOES_NOT_EXIST ? "the service " + name
                        + " is not installed" : "cannot open the service " + name + ": " + message(error));
            }
            try {
                API.ControlService(service, Winsvc.SERVICE_CONTROL_STOP, new Winsvc.SERVICE_STATUS());
                if (!API.DeleteService(service)) {
                    throw new ServiceException("cannot delete the service " + name + ": "
                            + message(Native.getLastError()));
                }
            } finally {
                API.CloseServiceHandle(service);
            }
        } finally {
            API.CloseServiceHandle(manager);
        }
    }

    @Override
    public void runAsService(String name, ServiceBody body) {
        Winsvc.SERVICE_TABLE_ENTRY entry = new Winsvc.SERVICE_TABLE_ENTRY();
        Winsvc.SERVICE_TABLE_ENTRY[] table = (Winsvc.SERVICE_TABLE_ENTRY[]) entry.toArray(2);
        table[0].lpServiceName = name;
        table[0].lpServiceProc = (argc, argv) -> serve(name, body);
        table[0].write();
        if (!API.StartServiceCtrlDispatcher(table)) {
            int error = Native.getLastError();
            throw new ServiceException(error == ERROR_FAILED_SERVICE_CONTROLLER_CONNECT
                    ? "'service run' is started by the Windows service manager; use 'caart-agent run' at a prompt"
                    : "cannot reach the service manager: " + message(error));
        }
    }

    private static void serve(String name, ServiceBody body) {
        Winsvc.SERVICE_STATUS_HANDLE[] handle = new Winsvc.SERVICE_STATUS_HANDLE[1];
        handle[0] = API.RegisterServiceCtrlHandlerEx(name, (control, eventType, eventData, context) -> {
            ServiceControls.Action action = ServiceControls.actionFor(control);
            if (action == ServiceControls.Action.STOP) {
                report(handle[0], Winsvc.SERVICE_STOP_PENDING, 0, ServiceControls.STOP_WAIT_HINT_MILLIS);
                body.stop();
            }
            return ServiceControls.reply(action);
        }, null);
        report(handle[0], Winsvc.SERVICE_RUNNING, 0, 0);
        int exit = body.run();
        report(handle[0], Winsvc.SERVICE_STOPPED, exit, 0);
    }

    private static void report(Winsvc.SERVICE_STATUS_HANDLE handle, int state, int exitCode, int waitHint) {
        Winsvc.SERVICE_STATUS status = new Winsvc.SERVICE_STATUS();
        status.dwServiceType = WinNT.SERVICE_WIN32_OWN_PROCESS;
        status.dwCurrentState = state;
        status.dwControlsAccepted = state == Winsvc.SERVICE_RUNNING
                ? Winsvc.SERVICE_ACCEPT_STOP | Winsvc.SERVICE_ACCEPT_SHUTDOWN : 0;
        status.dwWin32ExitCode = exitCode == 0 ? W32Errors.NO_ERROR : ERROR_SERVICE_SPECIFIC_ERROR;
        status.dwServiceSpecificExitCode = exitCode;
        status.dwWaitHint = waitHint;
        API.SetServiceStatus(handle, status);
    }

    private static Winsvc.SC_HANDLE manager(int access) {
        Winsvc.SC_HANDLE manager = API.OpenSCManager(null, null, access);
        if (manager == null) {
            int error = Native.getLastError();
            throw new ServiceException(error == W32Errors.ERROR_ACCESS_DENIED
                    ? "the service manager refused access: run caart-agent from an elevated (administrator) prompt"
                    : "cannot open the service manager: " + message(error));
        }
        return manager;
    }

    private static String message(int error) {
        return Kernel32Util.formatMessage(error).strip() + " (error " + error + ")";
    }
}
