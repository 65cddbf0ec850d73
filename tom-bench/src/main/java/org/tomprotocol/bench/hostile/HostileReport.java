package org.tomprotocol.bench.hostile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Hostile peers against a real node, measured in one run (issue 12's targets): for each attack, a fresh victim
 * process, an honest node sending it 1 KiB messages at a steady rate first without, then during the attack;
 * honest delivery and latency percentiles of both phases, the victim's resident memory and CPU, and what the
 * attack did and got.
 *
 * <pre>
 * ./mvnw -B -q -pl tom-bench -am package -DskipTests
 * java -cp tom-bench/target/benchmarks.jar org.tomprotocol.bench.hostile.HostileReport [--attack NAME]... \
 *     [--seconds 10] [--rate 50] [--json]
 * </pre>
 */
public final class HostileReport {
    private static final Map<String, Supplier<Attack>> ATTACKS = new LinkedHashMap<>();

    static {
        register(BadSignatureFlood::new);
        register(ReplayFlood::new);
        register(RendezvousCannon::new);
        register(GossipJunk::new);
        register(MembershipFlood::new);
        register(SlowFrames::new);
        register(InitialFlood::new);
    }

    private static void register(Supplier<Attack> attack) {
        ATTACKS.put(attack.get().name(), attack);
    }

    private HostileReport() {
    }

    public static void main(String[] args) throws Exception {
        List<String> chosen = new ArrayList<>();
        Duration phase = Duration.ofSeconds(10);
        int rate = 50;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--attack" -> chosen.add(args[++i]);
                case "--seconds" -> phase = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--json" -> json = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; use --attack "
                        + ATTACKS.keySet() + ", --seconds N, --rate N, --json");
            }
        }
        if (chosen.isEmpty()) {
            chosen.addAll(ATTACKS.keySet());
        }
        ObjectMapper mapper = new ObjectMapper();
        for (String name : chosen) {
            Supplier<Attack> attack = ATTACKS.get(name);
            if (attack == null) {
                throw new IllegalArgumentException("unknown attack " + name + "; known: " + ATTACKS.keySet());
            }
            Map<String, Object> result = measure(attack.get(), phase, rate);
            System.out.println(json ? mapper.writeValueAsString(result) : text(result));
        }
        System.exit(0);
    }

    static Map<String, Object> measure(Attack attack, Duration phase, int rate) throws Exception {
        try (Victim victim = new Victim("512m"); HonestTraffic honest = new HonestTraffic(victim); attack) {
            attack.prepare(victim, honest);
            honest.run(Duration.ofSeconds(5), rate);
            double rssStart = victim.rssMegabytes();
            double cpuStart = victim.cpuSeconds();
            HonestTraffic.Phase baseline = honest.run(phase, rate);
            double cpuBaseline = victim.cpuSeconds() - cpuStart;
            double rssBefore = victim.rssMegabytes();
            double retainedBefore = victim.stats().path("heap_retained_mb").asDouble();
            long end = System.nanoTime() + phase.toNanos() + Duration.ofSeconds(1).toNanos();
            Thread attacker = Thread.ofPlatform().name("attack-" + attack.name()).start(() -> {
                try {
                    attack.run(end);
                } catch (Exception e) {
                    throw new IllegalStateException("attack " + attack.name() + " failed", e);
                }
            });
            Thread.sleep(500);
            double cpuAttackStart = victim.cpuSeconds();
            RssWatch rss = RssWatch.start(victim);
            HonestTraffic.Phase underAttack = honest.run(phase, rate);
            double cpuAttack = victim.cpuSeconds() - cpuAttackStart;
            // measured once the honest phase is over but while the attack still runs: the full collection this
            // takes must not pause the victim during a phase
            double retainedUnderAttack = victim.stats().path("heap_retained_mb").asDouble();
            attacker.join();
            double peak = rss.stop();

            Map<String, Object> result = new LinkedHashMap<>();
            result.put("attack", attack.name());
            result.put("honest_baseline", phase(baseline));
            result.put("honest_under_attack", phase(underAttack));
            result.put("p99_ratio", round(underAttack.p99Millis() / baseline.p99Millis()));
            result.put("victim_rss_mb_before", round(rssBefore));
            result.put("victim_rss_mb_peak", round(peak));
            result.put("victim_rss_growth_mb_baseline", round(rssBefore - rssStart));
            result.put("victim_rss_growth_mb_under_attack", round(peak - rssBefore));
            result.put("victim_heap_retained_mb_before", round(retainedBefore));
            result.put("victim_heap_retained_mb_under_attack", round(retainedUnderAttack));
            result.put("victim_cpu_s_baseline", round(cpuBaseline));
            result.put("victim_cpu_s_under_attack", round(cpuAttack));
            result.put("victim_failed", victim.stats().path("failed").asBoolean());
            result.put("attack_figures", attack.figures(victim));
            return result;
        }
    }

    private static Map<String, Object> phase(HonestTraffic.Phase phase) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("sent", phase.sent());
        figures.put("delivered", phase.delivered());
        figures.put("p50_ms", round(phase.p50Millis()));
        figures.put("p99_ms", round(phase.p99Millis()));
        return figures;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String text(Map<String, Object> result) {
        StringBuilder text = new StringBuilder();
        result.forEach((key, value) -> text.append(String.format(Locale.ROOT, "%-28s %s%n", key, value)));
        return text.toString();
    }

    /** Samples the victim's resident memory every 250 ms, keeping the peak. */
    private static final class RssWatch {
        private final Thread thread;
        private volatile boolean running = true;
        private volatile double peak;

        private RssWatch(Victim victim) {
            thread = Thread.ofPlatform().daemon().name("rss-watch").start(() -> {
                while (running) {
                    try {
                        peak = Math.max(peak, victim.rssMegabytes());
                        Thread.sleep(250);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
        }

        static RssWatch start(Victim victim) {
            return new RssWatch(victim);
        }

        double stop() throws InterruptedException {
            running = false;
            thread.join();
            return peak;
        }
    }
}
