package org.lettersvisits.reporting;

import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.SecurityMatrixContract;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** reporting-service's security matrix: its OpenAPI operations against src/test/resources/security-matrix.txt. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class SecurityMatrixTest extends SecurityMatrixContract {
}
