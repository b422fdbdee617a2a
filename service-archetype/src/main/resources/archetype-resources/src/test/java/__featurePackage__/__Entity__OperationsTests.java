package ${package}.${featurePackage};

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import ${package}.${ServiceName}ServiceIntegrationTest;
import com.appgain.common.test.Envelopes;
import com.appgain.common.test.Management;
import com.appgain.common.test.MongoFixture;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.data.mongodb.core.index.IndexInfo;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and API clients see around the endpoints: probes, OpenAPI, indexes. */
class ${Entity}OperationsTests extends ${ServiceName}ServiceIntegrationTest {

	@Autowired
	private ${Entity}Indexes indexes;

	@LocalManagementPort
	private int managementPort;

	@Test
	void theOpenApiDescriptionIsPublicAndDocumentsEveryFailure() {
		JsonNode api = getJson(API + "/openapi");

		JsonNode paths = api.get("paths");
		assertThat(paths.propertyNames()).contains(API, API + "/{${entity}_id}");
		assertThat(paths.get(API).get("post").get("responses").propertyNames()).contains("201", "400", "401");
		assertThat(paths.get(API + "/{${entity}_id}").get("delete").get("responses").propertyNames())
			.contains("200", "400", "401", "403", "404", "409");
		assertThat(api.get("servers").get(0).get("url").asString()).isEqualTo("/");
		assertThat(api.get("components").get("securitySchemes").has("bearer")).isTrue();
		assertThat(api.get("components").get("schemas").propertyNames()).contains(${Entity}OpenApi.CREATE,
				${Entity}OpenApi.PATCH, "ErrorBody");
	}

	@Test
	void theIndexesAreCreatedInMongoDb() {
		this.indexes.ensure().block();

		List<String> names = this.mongo.indexOps(${Entity}.class)
			.getIndexInfo()
			.map(IndexInfo::getName)
			.collectList()
			.block();

		// mongo-java-server accepts but does not build compound indexes
		assertThat(names).contains(MongoFixture.isContainer() ? "status_created_at_id" : "_id_");
	}

	@Test
	void theServiceIsReadyAndLiveOnTheManagementPortOnly() {
		Management.expectReadyAndLive(this.managementPort);
		Envelopes.expectFailure(this.http.get().uri("/actuator/health/readiness").exchange(), 404, "not_found");
	}

}
