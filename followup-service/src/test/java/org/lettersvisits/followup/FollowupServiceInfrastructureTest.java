package org.lettersvisits.followup;

import org.lettersvisits.contracts.Topics;
import org.lettersvisits.testsupport.RealInfrastructure;
import org.lettersvisits.testsupport.ServiceInfrastructureContract;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class FollowupServiceInfrastructureTest extends ServiceInfrastructureContract {

    @Override
    protected String topic() {
        return Topics.FOLLOWUP_EVENTS;
    }

    @Override
    protected String apiPath() {
        return "/api/return-visits";
    }
}
