package org.tomprotocol.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hub failover between real processes (issue 16's proof): five group members, each a JVM of its own
 * ({@link GroupMemberProcess}) with a QUIC node on loopback; posts stream from random members; the hub's process is
 * killed with SIGKILL mid-stream — no close, no goodbye — and later the process of the hub that took over. Every
 * post a live member accepted reaches every live member, none twice, each failover well within the target.
 */
class GroupFailoverProcessesTest {
    private static final int MEMBERS = 5;
    private static final int POSTS = 100;
    private static final int RATE = 25;
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** One member's process, and what it said. */
    private static final class Member {
        final Process process;
        final PrintWriter in;
        final List<String> said = new CopyOnWriteArrayList<>();
        final Map<String, Long> firstSaidAt = new ConcurrentHashMap<>();
        String id;
        String address;

        Member(Process process) {
            this.process = process;
            this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        firstSaidAt.putIfAbsent(line, System.nanoTime());
                        said.add(line);
                    }
                } catch (java.io.IOException e) {
                    // the process ended
                }
            });
        }

        void tell(String command) {
            in.println(command);
        }

        String lineStarting(String prefix) {
            until("'" + prefix + "' from a member", () -> said.stream().anyMatch(line -> line.startsWith(prefix)));
            return said.stream().filter(line -> line.startsWith(prefix)).findFirst().orElseThrow();
        }

        /** The hub it follows now, by the last {@code hub} line, else the founder. */
        String hub(String founder) {
            String hub = founder;
            for (String line : said) {
                if (line.startsWith("hub ")) {
                    hub = line.split(" ")[1];
                }
            }
            return hub;
        }

        boolean acceptedAfter(long nanos) {
            return firstSaidAt.entrySet().stream()
                    .anyMatch(said -> said.getKey().startsWith("accepted ") && said.getValue() > nanos);
        }

        boolean got(String text) {
            return said.contains("got " + text);
        }
    }

    private final List<Member> members = new ArrayList<>();

    @AfterEach
    void killAll() {
        members.forEach(member -> member.process.destroyForcibly());
    }

    private static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private static Process start(Path stderr, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                GroupMemberProcess.class.getName()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    }

    /** Makes the started members know each other; the first founds a group the others join; returns its id. */
    private String formGroup(List<Member> group) {
        for (Member member : group) {
            String[] ready = member.lineStarting("ready ").split(" ");
            member.id = ready[1];
            member.address = ready[2];
        }
        for (int i = 0; i < group.size(); i++) {
            for (int j = i + 1; j < group.size(); j++) {
                group.get(j).tell("peer " + group.get(i).id + " " + group.get(i).address);
            }
        }
        until("every member to know the others", () -> {
            group.forEach(member -> member.tell("peers"));
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            return group.stream().allMatch(member -> member.said.contains("peers " + (group.size() - 1)));
        });
        Member founder = group.get(0);
        founder.tell("create processes " + String.join(",", group.subList(1, group.size()).stream()
                .map(member -> member.id).toList()));
        String id = founder.lineStarting("group ").split(" ")[1];
        for (Member member : group.subList(1, group.size())) {
            member.tell("accept " + id);
            member.lineStarting("joined");
        }
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
        return id;
    }

    @Test
    void aMemberKilledWithSigkillAndStartedAgainOnItsStoreGetsWhatItMissedAndNothingTwice(
            @org.junit.jupiter.api.io.TempDir Path work) throws Exception {
        Path store = work.resolve("kept");
        for (int i = 0; i < 3; i++) {
            members.add(new Member(start(work.resolve("member-" + i + ".txt"))));
        }
        members.add(new Member(start(work.resolve("member-3.txt"), store.toString())));
        formGroup(members);
        Member kept = members.get(3);
        List<String> sent = new ArrayList<>();
        long next = System.nanoTime();
        Member restarted = null;
        for (int post = 0; post < 90; post++) {
            if (post == 30) {
                kept.process.destroyForcibly().waitFor();
            }
            if (post == 60) {
                restarted = new Member(start(work.resolve("member-3-again.txt"), store.toString()));
                members.add(restarted);
                assertThat(restarted.lineStarting("ready ").split(" ")[1]).as("the same member").isEqualTo(kept.id);
            }
            String text = "post-" + post;
            sent.add(text);
            members.get(post % 3).tell("post " + text);
            next += TimeUnit.SECONDS.toNanos(1) / RATE;
            LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
        }
        Member again = restarted;
        // what it missed while dead comes from the hub's stream after the restart (the authors' copies to the dead
        // process were lost); what came after, from the copies or the stream
        until("the restarted member to get what it missed", () -> sent.stream()
                .filter(text -> !kept.got(text) && !again.got(text)).count() <= 1 && again.got("post-89"));

        List<String> got = new ArrayList<>();
        for (Member life : List.of(kept, again)) {
            life.said.stream().filter(line -> line.startsWith("got ")).forEach(got::add);
        }
        assertThat(got).as("posts shown twice, across the crash").doesNotHaveDuplicates();
        List<String> missing = sent.stream().filter(text -> !kept.got(text) && !again.got(text)).toList();
        // a post is remembered as shown before it is shown: one shown in the instant of the kill, between the two,
        // is the one a crash may take (as for a direct message)
        assertThat(missing).as("posts the member got in neither life").hasSizeLessThanOrEqualTo(1);
        assertThat(again.said).as("what it missed while dead came after the restart")
                .contains("got post-31", "got post-59");
        long ready = again.firstSaidAt.entrySet().stream().filter(said -> said.getKey().startsWith("ready "))
                .mapToLong(Map.Entry::getValue).min().orElseThrow();
        System.out.println("group member restarted on its store after SIGKILL: " + (got.size() - kept.said.stream()
                .filter(line -> line.startsWith("got ")).count()) + " posts after its restart, the last one missed"
                + " while dead " + (again.firstSaidAt.get("got post-59") - ready) / 1_000_000 + " ms after ready;"
                + " shown twice " + (got.size() - new HashSet<>(got).size()) + ", missing " + missing.size());
    }

    @Test
    void whenTheHubsProcessIsKilledAndThenTheNextOnesNoAcceptedPostIsLostAndEachFailoverIsQuick(
            @org.junit.jupiter.api.io.TempDir Path work) throws Exception {
        for (int i = 0; i < MEMBERS; i++) {
            members.add(new Member(start(work.resolve("member-" + i + ".txt"))));
        }
        formGroup(members);
        Member founder = members.get(0);

        List<Member> live = new ArrayList<>(members);
        Map<String, Set<Member>> audiences = new HashMap<>();
        Map<String, Member> senders = new HashMap<>();
        Set<Member> killed = new HashSet<>();
        List<Long> kills = new ArrayList<>();
        Random random = new Random(7);
        long next = System.nanoTime();
        for (int post = 0; post < POSTS; post++) {
            if (post == POSTS / 4 || post == 2 * POSTS / 3) {
                long since = kills.isEmpty() ? 0 : kills.get(kills.size() - 1);
                until("every live member to follow one live hub, which accepted a post", () -> live.stream()
                        .map(member -> member.hub(founder.id)).distinct().count() == 1
                        && live.stream().anyMatch(member -> member.id.equals(live.get(0).hub(founder.id)))
                        && live.stream().anyMatch(member -> member.acceptedAfter(since)));
                String hubId = live.get(0).hub(founder.id);
                Member hub = live.stream().filter(member -> member.id.equals(hubId)).findFirst().orElseThrow();
                kills.add(System.nanoTime());
                hub.process.destroyForcibly();
                live.remove(hub);
                killed.add(hub);
                audiences.values().forEach(audience -> audience.remove(hub));
            }
            String hubId = live.get(0).hub(founder.id);
            List<Member> writers = live.stream().filter(member -> !member.id.equals(hubId)).toList();
            Member sender = writers.get(random.nextInt(writers.size()));
            String text = "post-" + post;
            Set<Member> audience = new HashSet<>(live);
            audience.remove(sender);
            audiences.put(text, audience);
            senders.put(text, sender);
            sender.tell("post " + text);
            next += TimeUnit.SECONDS.toNanos(1) / RATE;
            LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
        }
        long settle = System.nanoTime() + WAIT.toNanos();
        // every post reached every live member (the authors' copies bring most before any new hub orders them), and
        // after each kill a new hub accepted a post
        while (System.nanoTime() < settle && !(missing(audiences, senders, killed).isEmpty() && kills.stream()
                .allMatch(kill -> firstAfter(live, "accepted ", firstAfter(live, "hub ", kill)) != Long.MAX_VALUE))) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }

        assertThat(missing(audiences, senders, killed)).as("posts some live member never got").isEmpty();
        for (Member member : live) {
            List<String> got = member.said.stream().filter(line -> line.startsWith("got ")).toList();
            assertThat(got).as("posts shown twice").doesNotHaveDuplicates();
        }
        List<Double> failovers = new ArrayList<>();
        List<Double> takeovers = new ArrayList<>();
        for (long kill : kills) {
            // the first post accepted once some member followed a hub that took over after this kill (an
            // acceptance the dead hub sent just before may still be read after the kill)
            long followed = firstAfter(live, "hub ", kill);
            takeovers.add((followed - kill) / 1e6);
            failovers.add((firstAfter(live, "accepted ", followed) - kill) / 1e6);
        }
        System.out.println("group failover between processes (SIGKILL), ms: " + failovers + "; first member following"
                + " the new hub after, ms: " + takeovers);
        // the shadow claims after 1.5 s of silence; the bound is 3 s, kept loose here for a loaded CI machine
        assertThat(failovers).allSatisfy(millis -> assertThat(millis).isBetween(1_000.0, 6_000.0));
    }

    /** When a live member first said something starting with {@code prefix}, at {@code nanos} or after. */
    private static long firstAfter(List<Member> live, String prefix, long nanos) {
        return live.stream().flatMap(member -> member.firstSaidAt.entrySet().stream())
                .filter(said -> said.getKey().startsWith(prefix) && said.getValue() >= nanos)
                .mapToLong(Map.Entry::getValue).min().orElse(Long.MAX_VALUE);
    }

    /**
     * Posts some live member they were meant for lacks, less those gone with their sender: killed before any hub
     * accepted them, and held by no live member.
     */
    private static List<String> missing(Map<String, Set<Member>> audiences, Map<String, Member> senders,
                                        Set<Member> killed) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Set<Member>> entry : audiences.entrySet()) {
            String text = entry.getKey();
            Member sender = senders.get(text);
            boolean goneWithSender = killed.contains(sender) && !sender.said.contains("accepted " + text)
                    && entry.getValue().stream().noneMatch(member -> member.got(text));
            if (!goneWithSender && entry.getValue().stream().anyMatch(member -> !member.got(text))) {
                missing.add(text);
            }
        }
        return missing;
    }
}
