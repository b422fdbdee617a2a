package com.appgain.examples.example;

import org.bson.types.ObjectId;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/** Examples by id; lists and bulk changes go through the template. */
interface ExampleRepository extends ReactiveMongoRepository<Example, ObjectId> {

}
