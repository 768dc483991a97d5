using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(BugTrail.Bench.InterviewBenchmarks).Assembly).Run(args);
