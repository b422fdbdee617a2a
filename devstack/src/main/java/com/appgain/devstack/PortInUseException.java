package com.appgain.devstack;

/**
 * Thrown when an embedded server cannot listen because its port is taken.
 *
 * @author AppGain
 */
public class PortInUseException extends IllegalStateException {

	private final String service;

	private final int port;

	public PortInUseException(String service, int port) {
		super("port " + port + " (" + service + ") is already in use on 127.0.0.1");
		this.service = service;
		this.port = port;
	}

	public String service() {
		return this.service;
	}

	public int port() {
		return this.port;
	}

}
