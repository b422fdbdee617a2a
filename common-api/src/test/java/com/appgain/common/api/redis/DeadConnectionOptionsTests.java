package com.appgain.common.api.redis;

import java.time.Duration;

import io.lettuce.core.SocketOptions;
import io.lettuce.core.resource.EpollProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Redis host cut off sends no RST: keepalive and TCP_USER_TIMEOUT make the kernel close
 * the connection within the dead-connection timeout, so Lettuce reconnects.
 */
class DeadConnectionOptionsTests {

	@Test
	void keepaliveAndUserTimeoutCloseASilentConnectionWithinTheTimeout() {
		SocketOptions options = RedisClientAutoConfiguration.socketOptions(Duration.ofSeconds(1),
				Duration.ofSeconds(3));
		assertThat(options.getConnectTimeout()).isEqualTo(Duration.ofSeconds(1));
		assertThat(options.isKeepAlive()).isTrue();
		assertThat(options.getKeepAlive().getIdle()).isEqualTo(Duration.ofSeconds(1));
		assertThat(options.getKeepAlive().getInterval()).isEqualTo(Duration.ofSeconds(1));
		assertThat(options.getKeepAlive().getCount()).isEqualTo(3);
		assertThat(options.isEnableTcpUserTimeout()).isEqualTo(EpollProvider.isAvailable());
		if (EpollProvider.isAvailable()) {
			assertThat(options.getTcpUserTimeout().getTcpUserTimeout()).isEqualTo(Duration.ofSeconds(3));
		}
	}

}
