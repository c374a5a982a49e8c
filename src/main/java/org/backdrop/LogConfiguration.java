package org.backdrop;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Backdrop's logging set-up, in code rather than in {@code logback.xml}: reading an XML file loads an XML
 * parser and about 200 more classes, which took about 0.2 s of each command's start-up on 2 cores.
 *
 * <p>Logs go to standard error, so that standard output carries only a command's JSON document, as
 * {@code LEVEL Logger - message}. Two kinds of DJL lines are held back by a higher level. The CUDA
 * runtime's failure to count GPUs on a machine without a driver is replaced by Backdrop's device line. The
 * note that the optional ONNX Runtime extensions jar is absent, printed at each model load, tells users
 * nothing.
 *
 * <p>A file named by {@code -Dlogback.configurationFile}, or a {@code logback-test.xml} on the class path,
 * takes precedence: then this class passes on to logback's own configurators.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public class LogConfiguration extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null || LogConfiguration.class.getResource("/logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        return configureForConsole(context);
    }

    /** Sets up the console logging described on the class and returns {@code DO_NOT_INVOKE_NEXT_IF_ANY}. */
    protected final ExecutionStatus configureForConsole(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%-5level %logger{0} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("STDERR");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();

        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
        context.getLogger("ai.djl.util.cuda.CudaUtils").setLevel(Level.ERROR);
        context.getLogger("ai.djl.onnxruntime.engine.OrtModel").setLevel(Level.WARN);
        // Spark, Hadoop and their network layer report every step at INFO; Backdrop logs the steps that
        // matter to users itself.
        for (String noisy : new String[] {"org.apache.spark", "org.apache.hadoop", "org.sparkproject", "io.netty"}) {
            context.getLogger(noisy).setLevel(Level.WARN);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
