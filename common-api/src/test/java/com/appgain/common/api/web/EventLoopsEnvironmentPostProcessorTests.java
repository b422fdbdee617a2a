package com.appgain.common.api.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@code appgain.io-threads} becomes Reactor Netty's event loop count. */
class EventLoopsEnvironmentPostProcessorTests {

	private static final String REACTOR_NETTY = EventLoopsEnvironmentPostProcessor.REACTOR_NETTY_PROPERTY;

	private final EventLoopsEnvironmentPostProcessor processor = new EventLoopsEnvironmentPostProcessor();

	private String before;

	@BeforeEach
	void keepReactorNettySetting() {
		this.before = System.clearProperty(REACTOR_NETTY);
	}

	@AfterEach
	void restoreReactorNettySetting() {
		if (this.before == null) {
			System.clearProperty(REACTOR_NETTY);
		}
		else {
			System.setProperty(REACTOR_NETTY, this.before);
		}
	}

	@Test
	void aCountGivenBecomesReactorNettysLoopCount() {
		process(new MockEnvironment().withProperty("appgain.io-threads", " 1 "));
		assertThat(System.getProperty(REACTOR_NETTY)).isEqualTo("1");
	}

	@Test
	void unsetOrEmptyLeavesReactorNettysDefault() {
		process(new MockEnvironment());
		process(new MockEnvironment().withProperty("appgain.io-threads", ""));
		assertThat(System.getProperty(REACTOR_NETTY)).isNull();
	}

	@Test
	void reactorNettysOwnPropertyOnTheCommandLineWins() {
		System.setProperty(REACTOR_NETTY, "3");
		process(new MockEnvironment().withProperty("appgain.io-threads", "1"));
		assertThat(System.getProperty(REACTOR_NETTY)).isEqualTo("3");
	}

	@Test
	void aCountBelowOneOrNotANumberStopsTheStart() {
		for (String bad : new String[] { "0", "-2", "two", "1.5" }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> process(new MockEnvironment().withProperty("appgain.io-threads", bad)))
				.withMessage("appgain.io-threads (APPGAIN_IO_THREADS) must be a whole number of at least 1, not '" + bad
						+ "'");
		}
		assertThat(System.getProperty(REACTOR_NETTY)).isNull();
	}

	private void process(MockEnvironment environment) {
		this.processor.postProcessEnvironment(environment, new SpringApplication());
	}

}
