package dev.streamlens.bench;

import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;

/**
 * The Flink graph benchmark's job (tests/bench/flink_graph.py): a plan of exactly N job
 * vertices (default 300) at parallelism 1, so a graph view has to lay out and refresh that
 * many nodes. Compiles against Flink 1.20 and 2.x; needs only lib/ (DataGen is in flink-dist).
 *
 * <pre>
 * 4 rate-limited DataGen sources (src-0 … src-3), one branch each, then N - 6 operators, each
 * its own vertex (chaining disabled), added to the branches in turn. Each operator's input
 * edge follows a repeating pattern:
 *   FORWARD    map                       (chaining disabled: a plain edge of its own)
 *   REBALANCE  rebalance().map
 *   HASH       keyBy(v % 64).process     (a keyed pass-through)
 *   RESCALE    rescale().map
 *   union      branch b ∪ branch b+1, then a filter that keeps about half (rates stay flat)
 *   join       branch b connected with branch b+2, keyed on both sides, KeyedCoProcessFunction
 *              (two inputs; emits the first input only)
 * and 2 DiscardingSinks: sink-a ← branches 0 ∪ 1, sink-b ← branches 2 ∪ 3.
 * </pre>
 *
 * A branch that another branch has joined or unioned keeps going, so many vertices have two
 * outputs or two inputs. Records are longs, mixed by each map so the filters keep about half.
 *
 * Args: [vertices] [recordsPerSecondPerSource]   (defaults 300 and 5)
 */
public class WideJob {

    static final int SOURCES = 4;
    static final int SINKS = 2;

    /** Record #n of source s. */
    public static class Gen implements GeneratorFunction<Long, Long> {
        private final long salt;

        public Gen(long salt) {
            this.salt = salt;
        }

        @Override
        public Long map(Long n) {
            return n * 1_000_003L + salt;
        }
    }

    /** A map that mixes the value (so the filters' choice varies along a branch). */
    public static class Mix implements MapFunction<Long, Long> {
        private final long salt;

        public Mix(long salt) {
            this.salt = salt;
        }

        @Override
        public Long map(Long v) {
            long x = (v ^ salt) * 0x9E3779B97F4A7C15L;
            return x ^ (x >>> 29);
        }
    }

    /**
     * Keeps about half: after a union, so the branch's rate does not grow. Salted per operator,
     * so two filters with no map between them still each keep about half.
     */
    public static class Half implements FilterFunction<Long> {
        private final long salt;

        public Half(long salt) {
            this.salt = salt;
        }

        @Override
        public boolean filter(Long v) {
            long x = (v + salt) * 0x9E3779B97F4A7C15L;
            x ^= x >>> 32;
            x *= 0xBF58476D1CE4E5B9L;
            return (x >>> 63) == 0;
        }
    }

    public static class Mod64 implements KeySelector<Long, Long> {
        @Override
        public Long getKey(Long v) {
            return Math.floorMod(v, 64L);
        }
    }

    public static class KeyedPass extends KeyedProcessFunction<Long, Long, Long> {
        @Override
        public void processElement(Long v, Context ctx, Collector<Long> out) {
            out.collect(v);
        }
    }

    /** A keyed two-input operator that forwards its first input and drops the second. */
    public static class JoinFirst extends KeyedCoProcessFunction<Long, Long, Long, Long> {
        @Override
        public void processElement1(Long v, Context ctx, Collector<Long> out) {
            out.collect(v);
        }

        @Override
        public void processElement2(Long v, Context ctx, Collector<Long> out) {}
    }

    public static void main(String[] args) throws Exception {
        int vertices = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        double perSecond = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        if (vertices < SOURCES + SINKS) {
            throw new IllegalArgumentException("at least " + (SOURCES + SINKS) + " vertices");
        }

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);

        List<DataStream<Long>> branch = new ArrayList<>();
        for (int s = 0; s < SOURCES; s++) {
            DataGeneratorSource<Long> source = new DataGeneratorSource<>(
                    new Gen(s), Long.MAX_VALUE, RateLimiterStrategy.perSecond(perSecond), Types.LONG);
            branch.add(env.fromSource(source,
                            WatermarkStrategy.<Long>forMonotonousTimestamps()
                                    .withTimestampAssigner((v, ts) -> System.currentTimeMillis()),
                            "src-" + s)
                    .uid("src-" + s));
        }

        // The pattern of input edges, per operator (see the class comment).
        String[] pattern = {"forward", "rebalance", "hash", "forward", "rescale", "union",
                            "forward", "hash", "rebalance", "join", "forward", "hash"};
        int middle = vertices - SOURCES - SINKS;
        for (int k = 0; k < middle; k++) {
            int b = k % SOURCES;
            String kind = pattern[(k / SOURCES + b) % pattern.length];
            String name = String.format("op-%03d-b%d-%s", k, b, kind);
            DataStream<Long> in = branch.get(b);
            DataStream<Long> out;
            switch (kind) {
                case "rebalance":
                    out = in.rebalance().map(new Mix(k)).name(name).uid(name).disableChaining();
                    break;
                case "rescale":
                    out = in.rescale().map(new Mix(k)).name(name).uid(name).disableChaining();
                    break;
                case "hash":
                    out = in.keyBy(new Mod64()).process(new KeyedPass()).returns(Types.LONG)
                            .name(name).uid(name).disableChaining();
                    break;
                case "union":
                    out = in.union(branch.get((b + 1) % SOURCES)).filter(new Half(k))
                            .name(name).uid(name).disableChaining();
                    break;
                case "join":
                    out = in.connect(branch.get((b + 2) % SOURCES))
                            .keyBy(new Mod64(), new Mod64())
                            .process(new JoinFirst()).returns(Types.LONG)
                            .name(name).uid(name).disableChaining();
                    break;
                default:
                    out = in.map(new Mix(k)).name(name).uid(name).disableChaining();
            }
            branch.set(b, out);
        }

        branch.get(0).union(branch.get(1)).sinkTo(new DiscardingSink<>())
                .name("sink-a").uid("sink-a").disableChaining();
        branch.get(2).union(branch.get(3)).sinkTo(new DiscardingSink<>())
                .name("sink-b").uid("sink-b").disableChaining();

        env.execute("WideJob-" + vertices);
    }
}
