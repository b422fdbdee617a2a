package com.appgain.system;

import java.time.Instant;
import java.util.List;

/** What one probe of the campaign got back: the responses, or why there were none. */
record Outcome(HostileRequests.Probe probe, List<RawHttp.Response> responses, long firstByteMillis, String failure) {

	/** The first byte may take this long before the probe counts as unanswered. */
	static final int FIRST_BYTE_TIMEOUT_MILLIS = 6_000;

	static Outcome of(HostileRequests.Probe probe, int port) {
		// when it was sent, to find it in the processes' logs and GC logs
		Instant sent = Instant.now();
		try {
			RawHttp.Exchange exchange = RawHttp.exchange(port, probe.raw(), FIRST_BYTE_TIMEOUT_MILLIS);
			String failure = exchange.responses().isEmpty() ? "nothing back (" + exchange.ending() + ", "
					+ FIRST_BYTE_TIMEOUT_MILLIS + " ms allowed), sent " + sent : null;
			return new Outcome(probe, exchange.responses(), exchange.firstByteMillis(), failure);
		}
		catch (Exception ex) {
			return new Outcome(probe, List.of(), -1, ex + " (sent " + sent + ")");
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
