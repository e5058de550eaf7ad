package dev.roleplan.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

class ResourceGlobsTest {

    @Test
    void aPatternIsNewAgainstNothingAndCoveredByStar() {
        ResourceGlobs globs = new ResourceGlobs();
        List<ResourceGlobs.Glob> all = List.of(globs.compile("arn:aws:s3:::assets/*"), globs.compile("*"),
                globs.anyArn());
        assertEquals(Tri.YES, globs.exists(all, acc -> acc[0] && acc[2]));
        assertEquals(Tri.NO, globs.exists(all, acc -> acc[0] && !acc[1]));
    }

    @Test
    void aWitnessNeedsMoreThanThePatternsSpell() {
        ResourceGlobs globs = new ResourceGlobs();
        // "a*" but not "a" nor "ab": needs a string no pattern spells, so the exploration must answer
        List<ResourceGlobs.Glob> all = List.of(globs.compile("a*"), globs.compile("a"), globs.compile("ab"));
        assertEquals(Tri.YES, globs.exists(all, acc -> acc[0] && !acc[1] && !acc[2]));
        // "a" and one more character is always within "a*": nothing is left
        List<ResourceGlobs.Glob> covered = List.of(globs.compile("a?"), globs.compile("a*"));
        assertEquals(Tri.NO, globs.exists(covered, acc -> acc[0] && !acc[1]));
    }

    /**
     * The witnesses {@link ResourceGlobs#exists} tries first only ever shortcut a YES the exploration would
     * give: random patterns and random formulas (a truth table over which patterns match) agree with
     * {@link ResourceGlobs#explore} alone.
     */
    @Test
    void witnessesAgreeWithTheExploration() {
        Random random = new Random(20261122L);
        String[] pieces = {"a", "b", ":", "/", "*", "?", "${aws:username}", "${*}", "arn:", "arn:aws:s3:::"};
        int yes = 0;
        for (int round = 0; round < 3_000; round++) {
            ResourceGlobs globs = new ResourceGlobs();
            int count = 1 + random.nextInt(4);
            List<ResourceGlobs.Glob> all = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (int g = 0; g < count; g++) {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(6);
                for (int i = 0; i < length; i++) {
                    text.append(pieces[random.nextInt(pieces.length)]);
                }
                texts.add(text.toString());
                all.add(globs.compile(text.toString()));
            }
            boolean[] table = new boolean[1 << count];
            for (int i = 0; i < table.length; i++) {
                table[i] = random.nextInt(3) == 0;
            }
            Predicate<boolean[]> formula = acc -> {
                int row = 0;
                for (int i = 0; i < acc.length; i++) {
                    row |= acc[i] ? 1 << i : 0;
                }
                return table[row];
            };
            Tri exact = globs.explore(all, formula);
            assertEquals(exact, globs.exists(all, formula), () -> "patterns " + texts);
            yes += exact == Tri.YES ? 1 : 0;
        }
        // both answers are well represented, or the comparison would prove little
        int answered = yes;
        org.junit.jupiter.api.Assertions.assertTrue(answered > 500 && answered < 2_500, () -> "YES " + answered);
    }
}
