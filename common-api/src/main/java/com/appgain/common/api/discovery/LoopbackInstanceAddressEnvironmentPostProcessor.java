package com.appgain.common.api.discovery;

import java.net.InetAddress;
import java.util.Map;

import com.appgain.common.api.web.AddressRange;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A module listening on a loopback address ({@code BIND_ADDRESS} 127.0.0.1, the local
 * default) registers that address, not the machine's first network interface, where
 * nothing would answer. Any other bind address, and an explicit
 * {@code eureka.instance.ip-address}, leave registration as Spring Cloud does it.
 */
public class LoopbackInstanceAddressEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("eureka.instance.ip-address")) {
			return;
		}
		InetAddress bound = AddressRange.literal(environment.getProperty("server.address"));
		if (bound != null && bound.isLoopbackAddress()) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("appgainLoopbackInstanceAddress",
						Map.of("eureka.instance.ip-address", bound.getHostAddress())));
		}
	}

}
