package org.lettersvisits.petition;

import org.lettersvisits.contracts.Topics;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.ServiceInfrastructureContract;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class PetitionServiceInfrastructureTest extends ServiceInfrastructureContract {

    @Override
    protected String topic() {
        return Topics.PETITION_EVENTS;
    }

    @Override
    protected String apiPath() {
        return "/api/petitions";
    }
}
