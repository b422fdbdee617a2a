package ${package};

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The ${serviceName} service: {@code /api/${serviceName}}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ${ServiceName}Application {

	public static void main(String[] args) {
		SpringApplication.run(${ServiceName}Application.class, args);
	}

}
