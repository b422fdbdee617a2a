package com.appgain.common.api;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code @ConditionalOnMissingBean} promises a service that defines a bean itself.
 */
public final class OwnBean {

	private OwnBean() {
	}

	/**
	 * The bean called {@code name} is the only one of {@code type}: the auto-configured
	 * one backed off.
	 */
	public static void wins(AssertableApplicationContext context, Class<?> type, String name) {
		assertThat(context).hasSingleBean(type);
		assertThat(context.getBean(type)).isSameAs(context.getBean(name));
	}

}
