package io.tidemark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingTest {
  @Test
  void loggingIsSetUpInCodeWithWarningsToStderrOnlyWhenVerbose() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getAppender("STDERR")).as("the appender LogConfigurator adds").isNotNull();
    assertThat(context.getLogger("org.apache.hadoop.util.NativeCodeLoader").getLevel()).isEqualTo(Level.ERROR);
    Logging.configure(true);
    assertThat(root.getLevel()).isEqualTo(Level.WARN);
    Logging.configure(false);
    assertThat(root.getLevel()).isEqualTo(Level.OFF);
  }
}
