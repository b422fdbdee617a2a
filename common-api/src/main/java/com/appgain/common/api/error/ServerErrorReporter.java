package com.appgain.common.api.error;

/** Where unexpected server failures go besides the log (Sentry when configured). */
@FunctionalInterface
public interface ServerErrorReporter {

	ServerErrorReporter NONE = (ex) -> {
	};

	void report(Throwable ex);

}
