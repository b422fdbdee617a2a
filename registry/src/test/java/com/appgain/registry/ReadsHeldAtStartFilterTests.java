package com.appgain.registry;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.netflix.discovery.shared.Applications;
import com.netflix.eureka.registry.PeerAwareInstanceRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Which requests {@link ReadsHeldAtStartFilter} holds back; {@link ReadsHeldAtStartTests}
 * has the window over real HTTP.
 *
 * @author AppGain
 */
class ReadsHeldAtStartFilterTests {

	private static final List<String> READS = List.of("/eureka/apps", "/eureka/apps/", "/eureka/apps/delta",
			"/eureka/apps/TEST", "/eureka/apps/TEST/test-1", "/eureka/instances/test-1", "/eureka/vips/test",
			"/eureka/svips/test", "/eureka/v2/apps", "/eureka/v2/apps/delta");

	@Test
	void everyReadOfTheRegistrysContentsAnswers503BeforeTheWindowHasPassed() throws Exception {
		ReadsHeldAtStartFilter filter = filter(Duration.ofMinutes(1));
		for (String path : READS) {
			MockHttpServletResponse response = new MockHttpServletResponse();
			MockFilterChain chain = new MockFilterChain();
			filter.doFilter(new MockHttpServletRequest("GET", path), response, chain);

			assertThat(response.getStatus()).as(path).isEqualTo(503);
			assertThat(response.getContentLength()).as(path).isZero();
			assertThat(chain.getRequest()).as(path).isNull();
		}
	}

	@Test
	void registrationsHeartbeatsCancelsAndPeerReplicationPassAtOnce() throws Exception {
		ReadsHeldAtStartFilter filter = filter(Duration.ofMinutes(1));
		for (String[] request : new String[][] { { "POST", "/eureka/apps/TEST" }, { "PUT", "/eureka/apps/TEST/test-1" },
				{ "DELETE", "/eureka/apps/TEST/test-1" }, { "POST", "/eureka/peerreplication/batch" }, { "GET", "/" },
				{ "GET", "/eureka/css/wro.css" } }) {
			assertThat(passes(filter, request[0], request[1])).as(String.join(" ", request)).isTrue();
		}
	}

	@Test
	void readsPassOnceTheWindowHasPassed() throws Exception {
		ReadsHeldAtStartFilter filter = filter(Duration.ZERO);
		assertThat(passes(filter, "GET", "/eureka/apps")).as("before the application is ready").isFalse();

		filter.onApplicationEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0],
				new GenericApplicationContext(), Duration.ZERO));

		for (String path : READS) {
			assertThat(passes(filter, "GET", path)).as(path).isTrue();
		}
	}

	private static boolean passes(ReadsHeldAtStartFilter filter, String method, String path) throws Exception {
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(new MockHttpServletRequest(method, path), new MockHttpServletResponse(), chain);
		return chain.getRequest() != null;
	}

	private static ReadsHeldAtStartFilter filter(Duration window) {
		PeerAwareInstanceRegistry registry = mock(PeerAwareInstanceRegistry.class);
		given(registry.getApplications()).willReturn(new Applications());
		return new ReadsHeldAtStartFilter(window, new StaticListableBeanFactory(Map.of("registry", registry))
			.getBeanProvider(PeerAwareInstanceRegistry.class));
	}

}
