package org.lettersvisits.assignment;

import org.lettersvisits.testsupport.PersonalDataColumnsContract;
import org.lettersvisits.testsupport.RealInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** This service's tables against its personal-data-columns.txt (see {@link PersonalDataColumnsContract}). */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class PersonalDataColumnsTest extends PersonalDataColumnsContract {
}
