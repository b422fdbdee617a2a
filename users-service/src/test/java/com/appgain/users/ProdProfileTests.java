package com.appgain.users;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProdProfileTests {

	@Test
	void theProdProfileRefusesToStartWithoutASigningKey() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(UsersApplication.class).profiles("prod")
			.run("--spring.main.web-application-type=none", "--eureka.client.enabled=false",
					"--appgain.users.jwt.signing-key=", "--MONGODB_URI=mongodb://localhost:1/users",
					"--REDIS_URL=redis://localhost:1", "--EUREKA_URL=http://localhost:1/eureka/",
					"--logging.level.root=off"))
			.rootCause()
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("JWT_SIGNING_KEY");
	}

}
