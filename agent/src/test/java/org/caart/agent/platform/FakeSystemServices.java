package org.caart.agent.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service manager in memory: installed definitions, and runAsService that runs the body in a thread and sends the
 * controls a test queues (as the Windows service manager calls the handler while ServiceMain runs).
 */
public final class FakeSystemServices implements SystemServices {

    public final Map<String, ServiceDefinition> services = new LinkedHashMap<>();
    public final List<Integer> controls = new ArrayList<>();
    public final List<String> replies = new ArrayList<>();
    public int exitReported = -1;
    public String refusal;

    @Override
    public boolean installed(String name) {
        return services.containsKey(name);
    }

    @Override
    public void install(ServiceDefinition definition) {
        refuseIfAsked();
        if (services.containsKey(definition.name())) {
            throw new ServiceException("the service " + definition.name() + " is installed already; remove it first");
        }
        services.put(definition.name(), definition);
    }

    @Override
    public void remove(String name) {
        refuseIfAsked();
        if (services.remove(name) == null) {
            throw new ServiceException("the service " + name + " is not installed");
        }
    }

    @Override
    public void runAsService(String name, ServiceBody body) {
        refuseIfAsked();
        Thread worker = new Thread(() -> exitReported = body.run(), "fake-service-main");
        worker.start();
        try {
            for (int control : controls) {
                Thread.sleep(200);
                ServiceControls.Action action = ServiceControls.actionFor(control);
                if (action == ServiceControls.Action.STOP) {
                    body.stop();
                }
                replies.add(action + "=" + ServiceControls.reply(action));
            }
            worker.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void refuseIfAsked() {
        if (refusal != null) {
            throw new ServiceException(refusal);
        }
    }
}
