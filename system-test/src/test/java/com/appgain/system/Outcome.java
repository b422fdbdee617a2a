package com.appgain.system;

import java.util.List;

/** What one probe of the campaign got back: the responses, or why there were none. */
record Outcome(HostileRequests.Probe probe, List<RawHttp.Response> responses, long firstByteMillis, String failure) {

	/** The first byte may take this long before the probe counts as unanswered. */
	static final int FIRST_BYTE_TIMEOUT_MILLIS = 6_000;

	static Outcome of(HostileRequests.Probe probe, int port) {
		try {
			RawHttp.Exchange exchange = RawHttp.exchange(port, probe.raw(), FIRST_BYTE_TIMEOUT_MILLIS);
			return new Outcome(probe, exchange.responses(), exchange.firstByteMillis(), null);
		}
		catch (Exception ex) {
			return new Outcome(probe, List.of(), -1, ex.toString());
		}
	}

	/** The first status, or 0 when nothing came back. */
	int status() {
		return this.responses.isEmpty() ? 0 : this.responses.get(0).status();
	}

	boolean accepted() {
		return this.responses.stream().anyMatch((response) -> response.status() / 100 == 2);
	}

}
