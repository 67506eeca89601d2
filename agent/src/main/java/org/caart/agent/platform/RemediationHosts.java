package org.caart.agent.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.caart.agent.platform.common.OsFamily;
import org.caart.agent.platform.linux.AptPackageManager;
import org.caart.agent.platform.linux.LinuxPlatform;
import org.caart.agent.platform.linux.LinuxSshdControl;
import org.caart.agent.platform.windows.WindowsPlatform;
import org.caart.agent.platform.windows.WindowsSettingsAdapter;
import org.caart.agent.remediation.DpkgStatusFile;
import org.caart.agent.remediation.HostContext;
import org.caart.agent.remediation.PackageManager;
import org.caart.agent.remediation.RemediationException;
import org.caart.agent.remediation.RootedFiles;
import org.caart.agent.remediation.Saved;
import org.caart.agent.remediation.SshdControl;
import org.caart.agent.remediation.WindowsSettings;

/**
 * The host a remediation order changes, by root: "/" is this machine (Windows settings on Windows; the live kernel,
 * sshd and apt on Linux); any other folder is a Linux fixture tree (files below it, sshd neither validated nor
 * reloaded, packages in its dpkg status file, nothing run).
 */
public final class RemediationHosts {

    private RemediationHosts() {
    }

    public static HostContext forRoot(String root) {
        RootedFiles files = new RootedFiles(Path.of(root == null ? "/" : root));
        if (!files.realRoot()) {
            return new HostContext(files, () -> new LinuxPlatform(files.root()), SshdControl.none("a fixture root"),
                    new DpkgStatusFile(files), WindowsSettings.unavailable("a Linux fixture root"));
        }
        if (OsFamily.ofThisJvm() == OsFamily.WINDOWS) {
            return new HostContext(files, WindowsPlatform::new, SshdControl.none("a Windows host"),
                    unsupported("package removal is for Linux hosts"), new WindowsSettingsAdapter());
        }
        PackageManager packages = Files.exists(Path.of("/var/lib/dpkg/status")) ? new AptPackageManager()
                : unsupported("package removal supports dpkg/apt hosts only");
        return new HostContext(files, Platforms::current, LinuxSshdControl.ofThisHost(), packages,
                WindowsSettings.unavailable("a Linux host"));
    }

    private static PackageManager unsupported(String why) {
        return new PackageManager() {
            @Override
            public List<Saved> capture(String name) {
                throw new RemediationException(why);
            }

            @Override
            public void remove(String name) {
                throw new RemediationException(why);
            }

            @Override
            public void reinstall(Saved saved) {
                throw new RemediationException(why);
            }

            @Override
            public boolean rollbackNeedsRepository() {
                return true;
            }
        };
    }
}
