package org.lettersvisits.followup;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.SecurityMatrix;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every operation of followup-service's OpenAPI document × every role, no token and forged tokens, against
 * src/test/resources/security-matrix.txt; an operation the table does not list fails the first test.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class SecurityMatrixTest {

    @TestFactory
    Stream<DynamicTest> every_operation_refuses_whoever_the_table_does_not_allow() {
        return SecurityMatrix.of("security-matrix.txt");
    }
}
