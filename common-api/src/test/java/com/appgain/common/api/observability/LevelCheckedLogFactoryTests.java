package com.appgain.common.api.observability;

import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class LevelCheckedLogFactoryTests {

	@Test
	void springsLoggersComeFromThisFactory() {
		assertThat(LogFactory.getFactory()).isInstanceOf(LevelCheckedLogFactory.class);
	}

	@Test
	void aDebugMessageIsBuiltOnlyWhenDebugIsOn() {
		String name = "level-checked." + System.nanoTime();
		Log log = LogFactory.getLog(name);
		Logger logback = (Logger) LoggerFactory.getLogger(name);
		AtomicInteger built = new AtomicInteger();
		Object message = new Object() {

			@Override
			public String toString() {
				built.incrementAndGet();
				return "expensive";
			}

		};
		logback.setLevel(Level.INFO);
		log.debug(message);
		log.trace(message, new IllegalStateException());
		assertThat(built).hasValue(0);
		logback.setLevel(Level.DEBUG);
		log.debug(message);
		log.info(message);
		assertThat(built).hasValue(2);
	}

}
