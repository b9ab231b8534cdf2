package org.lettersvisits.testsupport;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The security matrix ({@link SecurityMatrix}) of a service: every operation of its OpenAPI document ×
 * every role, no token and forged tokens, against {@code src/test/resources/security-matrix.txt}; an
 * operation the table does not list fails the first test. A service's test extends this and is annotated
 * {@code @QuarkusTest} with {@link RealInfrastructure}.
 */
public abstract class SecurityMatrixContract {

    @TestFactory
    Stream<DynamicTest> every_operation_refuses_whoever_the_table_does_not_allow() {
        return SecurityMatrix.of("security-matrix.txt");
    }
}
