package com.appgain.common.api.testapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

/**
 * The bodies the echo endpoint acted on, for tests of bodies that must never reach it.
 */
@Component
public class EchoedBodies {

	private final List<String> bodies = new CopyOnWriteArrayList<>();

	void add(String body) {
		this.bodies.add(body);
	}

	public boolean anyContains(String text) {
		return this.bodies.stream().anyMatch((body) -> body.contains(text));
	}

}
