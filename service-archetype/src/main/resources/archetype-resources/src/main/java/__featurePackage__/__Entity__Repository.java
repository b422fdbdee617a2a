package ${package}.${featurePackage};

import org.bson.types.ObjectId;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/** ${Entity} documents by id; lists and bulk changes go through the template. */
interface ${Entity}Repository extends ReactiveMongoRepository<${Entity}, ObjectId> {

}
