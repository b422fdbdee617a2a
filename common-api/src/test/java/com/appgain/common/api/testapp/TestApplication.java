package com.appgain.common.api.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service using common-api exactly as a real service does. */
@SpringBootApplication
public class TestApplication {

}
