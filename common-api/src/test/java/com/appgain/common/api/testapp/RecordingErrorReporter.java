package com.appgain.common.api.testapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.appgain.common.api.error.ServerErrorReporter;

import org.springframework.stereotype.Component;

/** Stands where Sentry would: records what the error handler reports. */
@Component
public class RecordingErrorReporter implements ServerErrorReporter {

	private final List<Throwable> reported = new CopyOnWriteArrayList<>();

	@Override
	public void report(Throwable ex) {
		this.reported.add(ex);
	}

	public List<Throwable> reported() {
		return this.reported;
	}

}
