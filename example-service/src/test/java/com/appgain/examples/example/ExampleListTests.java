package com.appgain.examples.example;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import com.appgain.common.test.Envelopes;
import com.appgain.examples.ExampleServiceIntegrationTest;

import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;

import static org.assertj.core.api.Assertions.assertThat;

class ExampleListTests extends ExampleServiceIntegrationTest {

	private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

	@Test
	void anEmptyCollectionListsNothingOnOnePageOfNone() {
		JsonNode body = list(UriBuilder::build);

		assertThat(body.propertyNames()).containsExactly("examples", "pagination", "status");
		assertThat(body.get("examples").isEmpty()).isTrue();
		assertThat(body.get("status").asString()).isEqualTo("success");
		assertPagination(body, 1, 20, 0, 0, false, false);
	}

	@Test
	void theFirstPageHasTwentyNewestFirstAndSaysThereIsMore() {
		insert(45, "active");

		JsonNode body = list(UriBuilder::build);

		assertThat(names(body)).hasSize(20).first().isEqualTo("Example 44");
		assertThat(names(body).get(19)).isEqualTo("Example 25");
		assertPagination(body, 1, 20, 45, 3, true, false);
	}

	@Test
	void theLastPageHoldsTheRemainderAndHasNoNext() {
		insert(45, "active");

		JsonNode body = list((uri) -> uri.queryParam("page", 3).build());

		assertThat(names(body)).hasSize(5)
			.containsExactly("Example 4", "Example 3", "Example 2", "Example 1", "Example 0");
		assertPagination(body, 3, 20, 45, 3, false, true);
	}

	@Test
	void aPageBeyondTheLastIsEmptyButStillPaginated() {
		insert(3, "active");

		JsonNode body = list((uri) -> uri.queryParam("page", 7).build());

		assertThat(body.get("examples").isEmpty()).isTrue();
		assertPagination(body, 7, 20, 3, 1, false, true);
	}

	@Test
	void aLimitOfOneHundredIsHonoured() {
		insert(120, "active");

		JsonNode body = list((uri) -> uri.queryParam("limit", 100).build());

		assertThat(names(body)).hasSize(100);
		assertPagination(body, 1, 100, 120, 2, true, false);
	}

	@Test
	void aLimitAboveOneHundredIsClampedToOneHundred() {
		insert(120, "active");

		JsonNode body = list((uri) -> uri.queryParam("limit", 101).build());

		assertThat(names(body)).hasSize(100);
		assertPagination(body, 1, 100, 120, 2, true, false);
	}

	@Test
	void pagesWalkEveryExampleOnceEvenWhenCreationTimesTie() {
		Instant same = START;
		Flux.range(0, 7)
			.map((i) -> new Example(null, "Tied " + i, "Created at the same instant", "active", same, null, "u", null))
			.concatMap(this.mongo::insert)
			.blockLast();

		List<String> seen = new ArrayList<>();
		for (int page = 1; page <= 3; page++) {
			int current = page;
			seen.addAll(names(list((uri) -> uri.queryParam("page", current).queryParam("limit", 3).build())));
		}

		assertThat(seen).hasSize(7).doesNotHaveDuplicates();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-1", "abc", "1.5", "99999999999" })
	void aPageThatIsNotAPositiveIntegerIsABadRequest(String page) {
		Envelopes
			.expectFailure(this.http.get().uri((uri) -> uri.path(EXAMPLES).queryParam("page", page).build()).exchange(),
					400, "bad_request")
			.jsonPath("$.message")
			.isEqualTo("Parameter 'page' must be a positive integer");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-5", "abc" })
	void aLimitThatIsNotAPositiveIntegerIsABadRequest(String limit) {
		Envelopes
			.expectFailure(
					this.http.get().uri((uri) -> uri.path(EXAMPLES).queryParam("limit", limit).build()).exchange(), 400,
					"bad_request")
			.jsonPath("$.message")
			.isEqualTo("Parameter 'limit' must be a positive integer");
	}

	@Test
	void theStatusFilterKeepsOnlyThatStatus() {
		insert(3, "active");
		insertNamed("Sleeping", "inactive");
		insertNamed("Old one", "archived");

		assertThat(names(list((uri) -> uri.queryParam("status", "inactive").build()))).containsExactly("Sleeping");
		assertThat(names(list((uri) -> uri.queryParam("status", "archived").build()))).containsExactly("Old one");
		JsonNode active = list((uri) -> uri.queryParam("status", "active").build());
		assertThat(names(active)).hasSize(3);
		assertThat(active.get("pagination").get("total_count").asLong()).isEqualTo(3);
	}

	@ParameterizedTest
	@ValueSource(strings = { "deleted", "ACTIVE", "{\"$ne\":null}" })
	void anUnknownStatusIsABadRequest(String status) {
		Envelopes
			.expectFailure(this.http.get()
				.uri((uri) -> uri.path(EXAMPLES).queryParam("status", "{status}").build(status))
				.exchange(), 400, "bad_request")
			.jsonPath("$.message")
			.isEqualTo("Parameter 'status' must be one of active, inactive, archived");
	}

	@Test
	void searchFindsTextInNameOrDescriptionIgnoringCase() {
		insertNamed("Blue whale", "active");
		insert(new Example(null, "Shark", "Not a WHALE at all", "active", START, null, "u", null));
		insertNamed("Dolphin", "active");

		assertThat(names(list((uri) -> uri.queryParam("search", "whale").build())))
			.containsExactlyInAnyOrder("Blue whale", "Shark");
	}

	@Test
	void searchCombinesWithTheStatusFilterAndCountsOnlyMatches() {
		insertNamed("Whale active", "active");
		insertNamed("Whale inactive", "inactive");

		JsonNode body = list((uri) -> uri.queryParam("search", "whale").queryParam("status", "inactive").build());

		assertThat(names(body)).containsExactly("Whale inactive");
		assertThat(body.get("pagination").get("total_count").asLong()).isEqualTo(1);
	}

	@Test
	void searchTreatsRegexMetacharactersAsPlainText() {
		insertNamed("Dot star .* literal", "active");
		insertNamed("Anything else", "active");

		assertThat(names(searchFor(".*"))).containsExactly("Dot star .* literal");
		assertThat(names(searchFor("["))).isEmpty();
		assertThat(names(searchFor("\\E.*\\Q"))).isEmpty();
	}

	@Test
	void aCatastrophicBacktrackingPatternIsJustTextAndAnswersFast() {
		insertNamed("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
				"active");
		insertNamed("Has (a+)+$ inside", "active");

		Instant before = Instant.now();
		List<String> found = names(searchFor("(a+)+$"));

		assertThat(found).containsExactly("Has (a+)+$ inside");
		assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void searchMatchesUnicodeText() {
		insertNamed("Le Café crème", "active");
		insertNamed("東京タワー", "active");
		insertNamed("Plain coffee", "active");

		assertThat(names(searchFor("café"))).containsExactly("Le Café crème");
		assertThat(names(searchFor("京タ"))).containsExactly("東京タワー");
	}

	@Test
	void searchLongerThanOneHundredCharactersIsABadRequest() {
		Envelopes
			.expectFailure(this.http.get()
				.uri((uri) -> uri.path(EXAMPLES).queryParam("search", "x".repeat(101)).build())
				.exchange(), 400, "bad_request")
			.jsonPath("$.message")
			.isEqualTo("Parameter 'search' must be at most 100 characters");
	}

	@Test
	void aSearchWithANulCharacterIsABadRequestNotAServerError() {
		Envelopes.expectFailure(rawQuery("search=a%00b"), 400, "bad_request")
			.jsonPath("$.message")
			.isEqualTo("Parameter 'search' must not contain control characters");
	}

	@ParameterizedTest
	@ValueSource(strings = { "status=active%00", "sort=name%0A", "page=1%09", "limit=%1B5", "search=x%7F" })
	void aControlCharacterInAnyParameterIsABadRequest(String query) {
		Envelopes.expectFailure(rawQuery(query), 400, "bad_request");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "search=a&search=b", "status=active&status=inactive", "page=1&page=2", "sort=name&sort=-name" })
	void aRepeatedParameterIsABadRequestInsteadOfBeingJoined(String query) {
		String name = query.substring(0, query.indexOf('='));
		Envelopes.expectFailure(rawQuery(query), 400, "bad_request")
			.jsonPath("$.message")
			.isEqualTo("Parameter '" + name + "' must be given at most once");
	}

	@Test
	void aPageWhoseOffsetWouldOverflowIsABadRequestNotAnotherPage() {
		insert(3, "active");

		Envelopes.expectFailure(rawQuery("page=21474838&limit=100"), 400, "bad_request")
			.jsonPath("$.message")
			.isEqualTo("Parameter 'page' must be at most 21474837 with a limit of 100");
		assertThat(names(list((uri) -> uri.queryParam("page", 21474837).queryParam("limit", 100).build()))).isEmpty();
	}

	@Test
	void sortByNameAscendingOrDescending() {
		insertNamed("Bravo", "active");
		insertNamed("Alpha", "active");
		insertNamed("Charlie", "active");

		assertThat(names(list((uri) -> uri.queryParam("sort", "name").build()))).containsExactly("Alpha", "Bravo",
				"Charlie");
		assertThat(names(list((uri) -> uri.queryParam("sort", "-name").build()))).containsExactly("Charlie", "Bravo",
				"Alpha");
	}

	@Test
	void sortByCreationOldestFirst() {
		insert(3, "active");

		assertThat(names(list((uri) -> uri.queryParam("sort", "created_at").build()))).containsExactly("Example 0",
				"Example 1", "Example 2");
	}

	@Test
	void sortByLastUpdate() {
		insert(new Example(null, "Changed early", "Updated first of all", "active", START, START.plusSeconds(10), "u",
				0L));
		insert(new Example(null, "Changed late", "Updated last of all", "active", START, START.plusSeconds(20), "u",
				0L));

		assertThat(names(list((uri) -> uri.queryParam("sort", "-updated_at").build()))).containsExactly("Changed late",
				"Changed early");
		assertThat(names(list((uri) -> uri.queryParam("sort", "updated_at").build()))).containsExactly("Changed early",
				"Changed late");
	}

	@ParameterizedTest
	@ValueSource(strings = { "description", "-user_id", "_id", "created_at,name", "$natural", "--name" })
	void sortingByAnythingOffTheListIsABadRequest(String sort) {
		Envelopes.expectFailure(
				this.http.get().uri((uri) -> uri.path(EXAMPLES).queryParam("sort", "{sort}").build(sort)).exchange(),
				400, "bad_request");
	}

	// the query as is: the URI template would encode each % once more
	private WebTestClient.ResponseSpec rawQuery(String query) {
		return this.http.get().uri((uri) -> URI.create(uri.path(EXAMPLES).build() + "?" + query)).exchange();
	}

	private JsonNode searchFor(String text) {
		return list((uri) -> uri.queryParam("search", "{search}").build(text));
	}

	private JsonNode list(Function<UriBuilder, URI> query) {
		return this.http.get()
			.uri((uri) -> query.apply(uri.path(EXAMPLES)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private static List<String> names(JsonNode body) {
		List<String> names = new ArrayList<>();
		body.get("examples").forEach((example) -> names.add(example.get("name").asString()));
		return names;
	}

	private static void assertPagination(JsonNode body, int page, int limit, long total, long pages, boolean next,
			boolean prev) {
		JsonNode pagination = body.get("pagination");
		assertThat(pagination.propertyNames()).containsExactly("page", "limit", "total_count", "total_pages",
				"has_next", "has_prev");
		assertThat(pagination.get("page").asInt()).isEqualTo(page);
		assertThat(pagination.get("limit").asInt()).isEqualTo(limit);
		assertThat(pagination.get("total_count").asLong()).isEqualTo(total);
		assertThat(pagination.get("total_pages").asLong()).isEqualTo(pages);
		assertThat(pagination.get("has_next").asBoolean()).isEqualTo(next);
		assertThat(pagination.get("has_prev").asBoolean()).isEqualTo(prev);
	}

	// Example i is created i minutes after START, so newest first is descending i.
	private void insert(int count, String status) {
		Flux.fromStream(IntStream.range(0, count).boxed())
			.map((i) -> new Example(null, "Example " + i, "Description " + i, status, START.plusSeconds(60L * i), null,
					"u", 0L))
			.concatMap(this.mongo::insert)
			.blockLast();
	}

	private void insertNamed(String name, String status) {
		insert(new Example(new ObjectId(), name, "Description of " + name, status, Instant.now(), null, "u", 0L));
	}

	private void insert(Example example) {
		this.mongo.insert(example).block();
	}

}
