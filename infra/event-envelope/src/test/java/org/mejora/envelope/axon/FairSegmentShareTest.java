package org.mejora.envelope.axon;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FairSegmentShareTest {

    @Test
    void segmentsAreSplitAsEvenlyAsTheyGoAndNoInstanceIsLeftWithoutOne() {
        assertThat(FairSegmentShare.share(2, 1)).isEqualTo(2);
        assertThat(FairSegmentShare.share(2, 2)).isEqualTo(1);
        assertThat(FairSegmentShare.share(3, 2)).isEqualTo(2);
        assertThat(FairSegmentShare.share(2, 3)).as("a third instance waits as a stand-by").isEqualTo(1);
        assertThat(FairSegmentShare.share(4, 0)).as("no count yet: this instance alone").isEqualTo(4);
    }
}
