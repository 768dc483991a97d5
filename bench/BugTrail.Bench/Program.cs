using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "latency") return BugTrail.Bench.ReadingLatency.Run(args);
BenchmarkSwitcher.FromAssembly(typeof(BugTrail.Bench.InterviewBenchmarks).Assembly).Run(args);
return 0;
