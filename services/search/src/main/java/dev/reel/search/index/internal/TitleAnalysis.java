package dev.reel.search.index.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The index's fields and how their text is analysed.
 *
 * <ul>
 *   <li>{@code name}, {@code cast} and {@code genre}: Unicode word segmentation, lower case, accents folded to ASCII
 *       ({@code Amélie} is found by {@code amelie}); no stemming and no stop words, so prefixes and typo tolerance work
 *       on the words as written.
 *   <li>{@code synopsis}: Lucene's English analysis (possessives, stop words, Porter stemming), so {@code robbers}
 *       finds {@code robbery}'s stem.
 * </ul>
 */
final class TitleAnalysis {

    static final String ID = "id";
    static final String ID_HIGH = "id_hi";
    static final String ID_LOW = "id_lo";
    static final String NAME = "name";
    static final String CAST = "cast";
    static final String GENRE = "genre";
    static final String SYNOPSIS = "synopsis";
    static final String MATURITY = "maturity";
    static final String TYPE = "type";
    static final String YEAR = "year";
    static final String ARTWORK = "artwork";

    /** English stop words: optional in a multi-word query. */
    static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    private final Analyzer words = new FoldingAnalyzer();
    private final Analyzer english = new EnglishAnalyzer();
    private final Analyzer perField = new PerFieldAnalyzerWrapper(words, Map.of(SYNOPSIS, english));

    /** The analyzer the index writer uses, per field. */
    Analyzer indexing() {
        return perField;
    }

    /** The query's words as {@code name}, {@code cast} and {@code genre} index them. */
    List<String> words(String text) {
        return terms(words, NAME, text);
    }

    /** One query word as {@code synopsis} indexes it: usually one stem, none for a stop word. */
    List<String> synopsisTerms(String word) {
        return terms(english, SYNOPSIS, word);
    }

    static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string cannot fail", e);
        }
        return terms;
    }

    /** Standard tokenizer, lower case, ASCII folding. */
    static final class FoldingAnalyzer extends Analyzer {

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream result = new ASCIIFoldingFilter(new LowerCaseFilter(source));
            return new TokenStreamComponents(source, result);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }
}
