package com.appgain.gateway.routing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.LoopResources;

import com.appgain.gateway.config.ApiGatewayProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The kernel's keepalive options are set on epoll channels only. */
class SilentConnectionDetectionTests {

	private final SilentConnectionDetection detection = new SilentConnectionDetection(new ApiGatewayProperties(
			new ApiGatewayProperties.RateLimit(50, 100, 1, Duration.ofMillis(100)), List.of(), Duration.ofSeconds(10),
			Duration.ofSeconds(3), List.of(), Duration.ofSeconds(3), Duration.ofSeconds(10)));

	@Test
	void onTheNativeTransportAConnectionSilentForThreeSecondsIsClosed() {
		assumeTrue(Epoll.isAvailable(), "Linux's native transport");
		Map<ChannelOption<?>, ?> options = this.detection.customize(HttpClient.create()).configuration().options();
		assertThat(options.get(ChannelOption.SO_KEEPALIVE)).isEqualTo(true);
		assertThat(options.get(EpollChannelOption.TCP_KEEPCNT)).isEqualTo(3);
		assertThat(options.get(EpollChannelOption.TCP_USER_TIMEOUT)).isEqualTo(3000);
	}

	@Test
	void onJavaNioNoEpollOptionIsSet() {
		LoopResources loops = LoopResources.create("nio-test", 1, true);
		try {
			HttpClient client = this.detection.customize(HttpClient.create().runOn(loops, false));
			assertThat(client.configuration().options()).doesNotContainKeys(EpollChannelOption.TCP_USER_TIMEOUT,
					EpollChannelOption.TCP_KEEPIDLE);
		}
		finally {
			loops.dispose();
		}
	}

}
