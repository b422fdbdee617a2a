package com.appgain.users;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Accounts, login, token issuing and the public keys every other service verifies tokens
 * with.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class UsersApplication {

	public static void main(String[] args) {
		SpringApplication.run(UsersApplication.class, args);
	}

}
