package com.appgain.common.api.web;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * {@code appgain.io-threads} ({@code APPGAIN_IO_THREADS}): how many event loops Reactor
 * Netty runs for the HTTP server and clients, when set. Reactor Netty's own default is
 * the number of CPUs but at least four. Where several processes share a host's CPUs, as
 * under {@code ./run}, fewer loops mean fewer threads competing for the CPUs: the gateway
 * with one loop spent 15-24% less CPU per routed request there in two side-by-side
 * measurements (docs/performance.md). It must be known before Reactor Netty makes its
 * loops, hence a system property set this early; one given on the command line wins.
 */
public class EventLoopsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String PROPERTY = "appgain.io-threads";

	static final String REACTOR_NETTY_PROPERTY = "reactor.netty.ioWorkerCount";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String threads = environment.getProperty(PROPERTY);
		if (threads == null || threads.isBlank() || System.getProperty(REACTOR_NETTY_PROPERTY) != null) {
			return;
		}
		System.setProperty(REACTOR_NETTY_PROPERTY, String.valueOf(parse(threads.trim())));
	}

	private static int parse(String threads) {
		try {
			int count = Integer.parseInt(threads);
			if (count >= 1) {
				return count;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(
				PROPERTY + " (APPGAIN_IO_THREADS) must be a whole number of at least 1, not '" + threads + "'");
	}

}
