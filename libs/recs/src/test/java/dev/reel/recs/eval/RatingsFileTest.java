package dev.reel.recs.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatingsFileTest {

    @Test
    void readsEverySeparatorSkipsCommentsBlankLinesAndACsvHeader() {
        Ratings tabs = RatingsFile.read(new StringReader("# comment\n1\t10\t5\t100\n\n1 20  3 200\n"), "t");
        Ratings colons = RatingsFile.read(new StringReader("1::10::5::100\n2::10::4::50\n"), "c");
        Ratings csv = RatingsFile.read(new StringReader("userId,movieId,rating,timestamp\n7,9,4.5,1\n"), "csv");

        assertThat(tabs.size()).isEqualTo(2);
        assertThat(tabs.users()).isEqualTo(1);
        assertThat(tabs.itemId(tabs.item(1))).isEqualTo("20");
        assertThat(tabs.timestamp(1)).isEqualTo(200);
        assertThat(colons.users()).isEqualTo(2);
        assertThat(colons.rating(1)).isEqualTo(4f);
        assertThat(csv.size()).isEqualTo(1);
        assertThat(csv.rating(0)).isEqualTo(4.5f);
    }

    @Test
    void errorsNameTheLine() {
        assertThatThrownBy(() -> RatingsFile.read(new StringReader("1 2 3 4\n1 2\n"), "f"))
                .isInstanceOf(RatingsFormatException.class)
                .hasMessage("f:2: expected 'user item rating timestamp', got 2 fields")
                .extracting(e -> ((RatingsFormatException) e).line())
                .isEqualTo(2);
        assertThatThrownBy(() -> RatingsFile.read(new StringReader("1 2 3 4\n1 2 x 4\n"), "f"))
                .hasMessage("f:2: rating 'x' is not a number");
        assertThatThrownBy(() -> RatingsFile.read(new StringReader("\n\n1 2 3 soon\n"), "f"))
                .hasMessage("f:3: timestamp 'soon' is not an integer");
        assertThatThrownBy(() -> RatingsFile.read(new StringReader("1 2 -1 4\n"), "f"))
                .hasMessageStartingWith("f:1: rating '-1'");
    }

    @Test
    void writtenFilesReadBack(@TempDir Path directory) {
        SyntheticRatings synthetic = SyntheticRatings.builder()
                .users(20)
                .items(30)
                .clusters(3)
                .interactions(200)
                .build();
        Path file = directory.resolve("ratings.tsv");

        synthetic.write(file);
        Ratings read = RatingsFile.read(file);

        assertThat(read.size()).isEqualTo(synthetic.ratings().size());
        for (int k = 0; k < read.size(); k++) {
            assertThat(read.userId(read.user(k)))
                    .isEqualTo(synthetic.ratings().userId(synthetic.ratings().user(k)));
            assertThat(read.rating(k)).isEqualTo(synthetic.ratings().rating(k));
            assertThat(read.timestamp(k)).isEqualTo(synthetic.ratings().timestamp(k));
        }
    }

    @Test
    void leaveLastOutHoldsOutTheLatestItemAndAllItsRepeats() {
        Ratings ratings = Ratings.builder()
                .add("a", "x", 1, 5)
                .add("a", "y", 1, 9)
                .add("a", "x", 1, 10)
                .add("b", "y", 1, 1)
                .build();

        LeaveLastOut split = LeaveLastOut.of(ratings);

        assertThat(split.size()).isEqualTo(1);
        assertThat(split.testUser(0)).isZero();
        assertThat(split.testItem(0)).isZero();
        assertThat(split.train().itemsOf(0)).containsExactly(1);
        assertThat(split.train().itemsOf(1)).containsExactly(1);
    }
}
