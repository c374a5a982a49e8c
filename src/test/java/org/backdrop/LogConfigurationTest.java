package org.backdrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;

class LogConfigurationTest {

    @Test
    void testConfigurationTakesPrecedence() {
        // The test class path has logback-test.xml, so the configurator hands over to logback's own.
        assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, new LogConfiguration().configure(new LoggerContext()));
    }

    @Test
    void serviceFileNamesConfigurator() throws Exception {
        try (var in = LogConfiguration.class.getResourceAsStream("/META-INF/services/ch.qos.logback.classic.spi.Configurator")) {
            assertNotNull(in, "the service file is missing, so logback would look for logback.xml");
            assertEquals(LogConfiguration.class.getName(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip());
        }
    }

    @Test
    void jarSetUpLogsInfoToStandardError() {
        LoggerContext context = new LoggerContext();
        LogConfiguration configuration = new LogConfiguration() {
            @Override
            public ExecutionStatus configure(LoggerContext loggerContext) {
                return configureForConsole(loggerContext);
            }
        };

        assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, configuration.configure(context));
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.INFO, root.getLevel());
        assertEquals("System.err", ((ConsoleAppender<?>) root.getAppender("STDERR")).getTarget());
        assertEquals(Level.ERROR, context.getLogger("ai.djl.util.cuda.CudaUtils").getLevel());
    }
}
