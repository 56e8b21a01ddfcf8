package dev.reel.guard;

import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * When {@code reel.launcher.pid} is set, exits the application (cleanly, through the context's
 * shutdown) as soon as that process ends. The launcher stops its children itself; this covers the case
 * where the launcher is killed with SIGKILL and cannot.
 */
@AutoConfiguration
@ConditionalOnProperty("reel.launcher.pid")
public class LauncherGuardAutoConfiguration {

    private static final Log log = LogFactory.getLog(LauncherGuardAutoConfiguration.class);

    @Bean
    SmartLifecycle launcherGuard(Environment environment, ConfigurableApplicationContext context) {
        long pid = Long.parseLong(environment.getRequiredProperty("reel.launcher.pid"));
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                running = true;
                Optional<ProcessHandle> launcher = ProcessHandle.of(pid);
                if (launcher.isEmpty()) {
                    log.warn("launcher pid " + pid + " is not running; exiting");
                    exit(context);
                    return;
                }
                launcher.get().onExit().thenRun(() -> {
                    if (running) {
                        log.warn("launcher pid " + pid + " exited; shutting down");
                        exit(context);
                    }
                });
            }

            @Override
            public void stop() {
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }

    private static void exit(ConfigurableApplicationContext context) {
        Thread.ofPlatform().name("launcher-guard").start(() -> {
            context.close();
            System.exit(0);
        });
    }
}
