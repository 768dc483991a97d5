using BugTrail.Core.Scenarios;

namespace BugTrail.Core.Understanding;

/// <summary>The general ML vocabulary the reader knows, beyond each scenario's own terms.</summary>
internal static class Lexicon
{
    /// <summary>Ways of naming each evidence kind. Order matters: more specific kinds first.</summary>
    public static readonly (EvidenceKind Kind, string[] Terms)[] Evidence =
    [
        (EvidenceKind.LayerGradNorms, ["per-layer grad", "per layer grad", "layer-wise", "layerwise", "layer wise", "per-layer norm", "per layer norm",
            "grad norms per layer", "gradient norms per layer", "gradients per layer", "gradient per layer", "grad norm per layer", "grads per layer",
            "norms by layer", "gradients by layer", "gradient by layer", "grad norms by layer", "breakdown by layer", "layer breakdown", "per-layer breakdown",
            "per layer breakdown", "layer-by-layer", "layer by layer", "each layer's grad", "each layer's gradient", "gradient of each layer",
            "gradients of each layer", "which layer", "per-layer gradient", "per layer gradient", "per-module grad", "per module grad", "per-parameter grad",
            "per parameter grad", "per-layer", "per layer", "by layer", "each layer", "every layer", "per parameter", "per-parameter",
            "per tensor", "per-tensor", "layer-wise", "layerwise", "each block", "per block"]),
        (EvidenceKind.GradNorms, ["grad norm", "gradient norm", "grad-norm", "gradnorm", "norm of the grad", "norms of the grad", "gradient magnitude",
            "gradient size", "size of the gradients", "magnitude of the gradients", "gradients look", "the gradients", "gradient stats",
            "gradient statistics", "grad stats", "global norm", "total norm", "gn", "grads", "gradient values", "gradient history", "gradients over",
            "gradients", "grad"]),
        (EvidenceKind.AttentionStats, ["attention stat", "attention score", "attention logit", "attention entropy", "attention weight", "attention map",
            "attention pattern", "attention matri", "attn stat", "attn score", "attn logit", "attn weight", "attn entropy", "attn map", "max logit",
            "qk logit", "qk score", "q·k", "pre-softmax", "softmax input", "attention values", "attention distribution", "attention probabilit",
            "attn", "logit max", "max logits", "logit magnitude"]),
        (EvidenceKind.LearningRate, ["learning rate", "learning-rate", "lr ", "lr?", "lr schedule", "lr values", "the lr", "lrs", "scheduler",
            "schedule", "step size"]),
        (EvidenceKind.ActivationStats, ["activation", "hidden state", "dead relu", "dead neuron", "saturation", "pre-activation", "layer output",
            "output magnitude", "residual stream", "intermediate output", "feature statistic"]),
        (EvidenceKind.WeightNorms, ["weight norm", "parameter norm", "param norm", "weight magnitude", "weights look", "norm of the weights",
            "weight stat", "parameter stat", "weight values", "the weights", "weight growth", "param stat", "weights", "w_q", "w_k", "parameter magnitude"]),
        (EvidenceKind.MemoryUsage, ["memory", "vram", "oom", "rss", "nvidia-smi", "allocated", "memory_allocated", "gpu mem", "ram usage", "mem usage", "heap"]),
        (EvidenceKind.Throughput, ["throughput", "step time", "iteration time", "time per step", "it/s", "profil", "utilization", "utilisation",
            "samples per second", "samples/s", "tokens per second", "tokens/s", "speed", "timing", "how long each step", "how fast", "latency",
            "per-token", "wall clock", "wall-clock", "gpu util"]),
        (EvidenceKind.ValMetrics, ["validation", "val loss", "val acc", "val metric", "val set", "val curve", "eval loss", "eval metric", "eval acc",
            "held-out", "holdout", "test loss", "test acc", "test set", "dev set", "dev loss", "eval results", "val/", "val perplexity", "perplexity",
            "ppl", "val ", "val,", "eval curve", "accuracy"]),
        (EvidenceKind.DataStats, ["data stat", "dataset stat", "batch stat", "label distribution", "class distribution", "class balance", "the data",
            "the batch", "batches", "input data", "the inputs", "input stat", "dataset", "preprocessing", "normalization stat", "normalisation stat",
            "mean and std", "feature stat", "token count", "tokens per batch", "padding", "sequence length", "data loader", "dataloader", "data pipeline",
            "the labels", "label stat", "samples in the batch", "data distribution", "input distribution", "distribution of the",
            "target stat", "feature", "min/max", "non-finite", "nan in the input", "break down by", "breakdown by", "histogram"]),
        (EvidenceKind.Samples, ["sample output", "samples", "generations", "generated text", "generated output", "generated token", "outputs", "predictions", "completions", "what the model outputs",
            "what the model predicts", "what the model generates", "model output", "decoded", "example output", "responses", "examples", "transcripts",
            "some sample", "sample output", "sample prediction", "sample forecast", "forecasts", "against actuals", "vs actuals", "versus actuals"]),
        (EvidenceKind.Config, ["config", "hyperparameter", "hyper-parameter", "hparam", "hyper param", "training setting", "settings", "arguments",
            "args", "the setup", "training setup", "flags", "run configuration", "launch command"]),
        (EvidenceKind.LossHistory, ["loss curve", "loss history", "training loss", "train loss", "loss over", "loss values", "full loss", "loss log",
            "loss plot", "loss graph", "loss by step", "loss for", "loss at", "earlier loss", "loss trend", "the loss", "losses"]),
    ];

    /// <summary>Phrases that make a message a request to see something.</summary>
    public static readonly string[] RequestMarkers =
    [
        "can i see", "could i see", "can i get", "could i get", "can i have", "could i have", "can i look", "could i look", "can we look",
        "could we look", "can we see", "could we see", "can you show", "could you show", "can you share", "could you share", "can you pull",
        "could you pull", "pull up", "show me", "show the", "share the", "send me", "give me", "let me see", "let me look", "let me check",
        "let's look", "lets look", "let's check", "lets check", "let's see", "lets see", "i'd like to see", "i would like to see", "i'd like to look",
        "i would like to look", "i want to see", "i want to look", "i wanna see", "i'd want to", "i would want to", "i'd check", "i would check",
        "i'd look", "i would look", "i'd start by", "i would start by", "i'd start with", "i would start with", "i'll check", "i will check",
        "first check", "check the", "look at the", "look at", "do we have", "do you have", "is there", "are there", "what do the", "what does the",
        "what are the", "what were the", "what was the", "how do the", "how does the", "how did the", "how are the", "what did the", "what's the",
        "whats the", "any data on", "any logs", "logged", "plot", "print", "dump", "inspect", "examine", "take a look", "have a look",
        "need to see", "need the", "please", "may i see", "may i look", "mind sharing", "mind showing", "interested in", "curious about",
        "next i'd", "next, i'd", "next i want", "got the", "have the", "have any", "see the", "see what", "see how", "see if", "check if",
        "check whether", "check what", "check how", "show ", "paste", "display", "send", "share", "read through", "read the", "look through",
        "i'd like to read", "let me read", "can i read", "could i read", "i need", "i want", "id like", "i'd like", "would like",
        "can u", "could u", "can you", "could you", "would you", "mind if", "how was", "how were", "how big", "how large", "what's the",
        "anything on", "any info on", "lemme see", "gimme",
    ];

    /// <summary>Politeness or a question mark that ends a request: the whole sentence is the request.</summary>
    public static readonly string[] TrailingRequestMarkers = ["please", "pls", "plz", "?"];

    /// <summary>Verbs that ask to be shown something (code requests need one: "is there clipping in this script?" is a fact question).</summary>
    public static readonly string[] ShowVerbs =
    [
        "see", "show", "look", "read", "paste", "share", "send", "pull up", "give me", "gimme", "can i get", "could i get", "can i have",
        "could i have", "have a look", "view", "display", "print", "walk me through", "inspect", "examine", "lemme",
    ];

    /// <summary>Words that ask for code in general.</summary>
    public static readonly string[] WholeCodeWords =
    [
        "code", "implementation", "source", "script", "snippet", "python", ".py", "listing", "all of it", "everything", "whole thing",
        "entire thing", "show it", "the rest of it",
    ];

    /// <summary>Words that ask for a specific piece of code.</summary>
    /// <summary>Whole words that ask for a specific piece of code.</summary>
    public static readonly string[] ComponentCodeWords =
    [
        "function", "functions", "module", "modules", "class", "classes", "method", "forward", "loop", "loops", "def", "part", "section",
        "computation", "construction", "computed", "implemented", "applied", "built", "logic", "routine", "block", "step function",
    ];

    public static readonly string[] CodebaseWords =
    [
        "whole codebase", "entire codebase", "full codebase", "the codebase", "code base", "the repo", "repository", "all the files",
        "whole project", "entire project", "full project", "every file", "the whole repo", "github", "repo", "source tree", "codebase",
        "complete source", "full source", "the project", "all files", "zip",
    ];

    public static readonly string[] HedgeMarkers =
    [
        "hypothes", "could be", "might be", "may be", "maybe", "possibly", "possible", "perhaps", "my guess", "i guess", "i suspect", "suspect",
        "i think", "i'd guess", "probably", "likely", "one option", "options", "candidates", "possibilit", "either", "could have", "might have",
        "could come from", "might come from", "caused by", "cause could", "causes", "my initial", "my first thought", "first thought", "theory",
        "theories", "ideas", "idea is", "wonder if", "wondering if", "not sure if", "or it could", "or maybe", "it could", "it might",
        "something like", "some kind of", "usually", "typically", "common cause", "what comes to mind", "comes to mind", "off the top",
        "i'd bet", "i bet", "chance", "guessing", "i believe", "i feel like", "smells like", "looks like", "sounds like", "seems like",
        "guess", "hunch", "lean towards", "leaning towards", "plausible", "consider", "first,", "second,", "third,", "prob ", "hyps",
        "hypotheses:", "suspects", "prime suspect", "contenders", "either", "or else", "alternatively", "things i'd", "things that",
    ];

    /// <summary>Families of causes; a hypothesis is counted once per family it names.</summary>
    public static readonly (string Family, string[] Terms)[] Causes =
    [
        ("gradient explosion", ["gradient explo", "exploding grad", "grad explo", "explosion", "exploding", "gradients blow", "gradients grow",
            "getting bigger", "gradients are getting", "grads", "grad norm",
            "blew up", "blow up", "blowing up", "diverg", "large gradient", "huge gradient", "gradient spike", "grad spike", "spike in the grad"]),
        ("vanishing gradients", ["vanishing", "gradients vanish", "dead gradient", "tiny gradient", "small gradients", "no gradient", "zero gradient"]),
        ("learning rate", ["learning rate", "learning-rate", "lr", "warmup", "warm-up", "warm up", "scheduler", "schedule", "step size"]),
        ("numerical overflow", ["overflow", "underflow", "fp16", "float16", "half precision", "mixed precision", "amp", "precision", "numerical",
            "numeric", "inf ", "infinity", "infs", "loss scal", "gradscaler", "grad scaler", "nan in", "65504", "dtype", "bf16", "bfloat"]),
        ("attention", ["attention", "attn", "softmax", "qk", "query", "logit", "dot product", "dot-product"]),
        ("data", ["data", "batch", "corrupt", "input", "label", "outlier", "preprocess", "tokeniz", "sample", "shuffl", "augment", "feature"]),
        ("optimizer", ["optimizer", "optimiser", "adam", "eps", "epsilon", "momentum", "weight decay", "sgd", "beta"]),
        ("normalization", ["layernorm", "layer norm", "batchnorm", "batch norm", "normaliz", "normalis", "rmsnorm", "running stat", "running mean"]),
        ("initialization", ["init", "initialis", "initializ"]),
        ("loss computation", ["loss function", "cross entropy", "cross-entropy", "crossentropy", "log of zero", "log(0)", "division by zero",
            "divide by zero", "divided by zero", "reduction", "loss comput", "loss calc", "the loss is computed", "nllloss", "log_softmax"]),
        ("memory retention", ["memory leak", "leak", "graph", "retain", "keeps growing", "not freed", "reference", "detach"]),
        ("distributed", ["ddp", "all_reduce", "allreduce", "all-reduce", "sync", "world size", "world_size", "rank", "distributed", "nccl", "gpus"]),
        ("masking", ["mask", "causal", "future token", "lookahead", "look-ahead", "peek"]),
        ("train/eval mode", ["eval mode", "train mode", "model.eval", "model.train", ".eval()", ".train()", "dropout", "training mode", "inference mode"]),
        ("gradient bookkeeping", ["zero_grad", "zero grad", "zeroing", "accumulat", "not cleared", "not reset", "stale grad", "clip"]),
        ("positions", ["position", "rope", "rotary", "kv cache", "kv-cache", "offset", "cache", "caching"]),
        ("weights", ["weight", "parameter", "param"]),
        ("hardware or framework", ["hardware", "gpu fault", "faulty gpu", "bad gpu", "driver", "cuda bug", "pytorch bug", "bit flip", "cosmic"]),
    ];

    public static readonly string[] StuckPhrases =
    [
        "i'm stuck", "im stuck", "i am stuck", "i'm a bit stuck", "kind of stuck", "kinda stuck", "bit stuck", "stuck here", "i'm lost", "im lost",
        "i am lost", "not sure what to", "not sure where to", "not sure how to proceed", "not sure what else", "don't know what to", "dont know what to",
        "do not know what to", "don't know where to", "dont know where to", "no idea where", "no idea what to", "out of ideas", "running out of ideas",
        "can i get a hint", "could i get a hint", "can i have a hint", "any hint", "a hint", "hint please", "give me a hint", "a nudge", "point me",
        "what should i look at", "what should i check", "where should i look", "where do i go", "what would you suggest", "what do you suggest",
        "i'm not making progress", "not getting anywhere", "going in circles", "i'm confused", "im confused", "i am confused", "not sure what's going on",
        "no clue what", "help me out", "drawing a blank", "blanking", "hmm, not sure", "not sure where this", "don't see anything", "dont see anything",
        "i don't see it", "i dont see it", "can't see anything", "cant see anything", "nothing jumps out", "nothing stands out",
        "stuck", "lost", "stumped", "at a loss", "hit a wall", "blank", "no idea", "no clue", "dont know what", "dont know where",
        "dont know which", "dont know how", "not sure what", "not sure where", "not sure which", "not sure how", "cant think",
        "cant figure", "can not figure", "cannot figure", "out of ideas", "confus", "puzzled", "baffled", "dont get it", "dont understand",
        "no idea whats", "whats going on", "what im missing", "what i am missing", "help me", "need help", "need some help",
    ];

    /// <summary>Stopping, not just being stuck: asking to end, skip, or be told.</summary>
    public static readonly string[] GiveUpPhrases =
    [
        "give up", "giving up", "gave up", "i quit", "i can't solve", "i cant solve", "cant do this", "let's move on", "lets move on",
        "can we move on", "move on to the next", "skip this", "skip it", "lets skip", "can we skip", "next one", "next scenario", "next question", "pass on this", "i pass",
        "just tell me", "tell me the answer", "give me the answer", "show me the answer", "whats the answer", "what is the answer",
        "tell me the solution", "give me the solution", "show me the solution", "whats the solution", "what is the solution", "reveal the", "reveal it",
        "just reveal", "surrender", "i concede", "im done", "i'm done", "beats me", "not going to get", "not going to find", "beyond me", "cant crack",
        "throw in the towel", "lets stop here", "ill stop here", "i'll stop here", "can we stop", "lets stop", "lets end", "end this", "call it a day",
        "call it quits", "dont want to continue", "rather stop", "dont think i can", "can't do it", "cant do it", "im not gonna", "i'm not gonna",
    ];

    /// <summary>A whole message that only gives up ("pass", "skip").</summary>
    public static readonly string[] GiveUpAlone = ["pass", "skip", "next", "i pass", "skip.", "pass.", "gg"];

    public static readonly string[] FrameworkNames =
    [
        "pytorch", "torch", "cuda", "cudnn", "nccl", "the framework", "framework", "the library", "driver", "hardware", "gpu", "the gpus",
        "the gpu", "the compiler", "triton", "apex", "the kernel", "kernels", "cublas", "the machine", "firmware", "the cluster", "autocast",
        "gradscaler", "nvidia", "vram", "ecc", "cosmic", "bit flip", "memory error", "the cards", "a100", "h100", "infra", "cpu",
        "the os", "the kernel driver", "xla", "library", "sdpa", "allocator", "torch version", "pytorch version", "cuda version", "mkl", "kernel",
    ];

    public static readonly string[] BlameMarkers =
    [
        "bug in", "is buggy", "is broken", "are broken", "is faulty", "are faulty", "faulty", "their fault", "fault", "glitch", "messed up", "defective", "bad gpu", "bad hardware", "broken gpu", "known issue",
        "known bug", "cosmic ray", "bit flip", "not our code", "not my code", "nothing to do with the code", "nothing wrong with the code",
        "the code is fine", "code is fine", "blame", "flaky", "bug", "buggy", "broken", "wrong", "garbage", "corrupt", "regression",
        "miscompil", "culprit", "overheat", "nothing to do with", "not our", "rather than our", "is correct", "producing wrong", "defect",
        "known issue", "known nan", "known problem", "ecc error", "driver issue", "hardware issue", "hardware problem", "bad vram", "bad gpu",
        "bad card", "bad hardware", "are bad", "is bad", "could be wrong", "is wrong", "are wrong", "nothing is wrong with our", "numerically broken",
    ];

    public static readonly string[] VerificationPhrases =
    [
        "verify", "verif", "confirm", "check that", "make sure", "monitor", "log the", "track", "unit test", "a test", "test it", "rerun", "re-run",
        "run again", "retrain", "re-train", "restart", "resume", "from a checkpoint", "from the checkpoint", "compare", "assert", "sanity check",
        "ablation", "reproduce", "repro", "a/b", "watch the", "keep an eye", "dashboard", "alert", "regression test",
    ];

    public static readonly string[] ClaimMarkers =
    [
        "found it", "found the bug", "found the issue", "found the problem", "the bug is", "the issue is", "the problem is", "the culprit",
        "the root cause", "root cause is", "the cause is", "it's because", "its because", "it is because", "this is because", "that's because",
        "because the", "is missing", "are missing", "missing", "forgot", "forgets", "forgotten", "never", "isn't", "aren't", "is not", "are not",
        "doesn't", "don't", "does not", "do not", "wasn't", "weren't", "should be", "should have", "needs to be", "need to be", "instead of",
        "wrong", "incorrect", "bug", "here's the issue", "there it is", "aha", "got it", "i see it", "i see the", "line ", "the problem",
        "is the problem", "is the issue", "is the bug", "causing", "causes the", "responsible", "leads to", "results in", "so the",
    ];

    public static readonly string[] FixMarkers =
    [
        "fix", "should be", "should use", "should call", "should divide", "should add", "should scale", "should move", "should detach",
        "change it to", "change this to", "change the", "replace", "add a", "add the", "add an", "adding", "insert", "put the", "put a", "move the",
        "call ", "use ", "divide", "multiply", "scale", "instead", "needs to", "need to", "we'd need", "i'd add", "i would add", "i'd change",
        "i would change", "i'd replace", "i would replace", "i'd use", "i would use", "i'd move", "i would move", "i'd divide", "i would divide",
        "i'd call", "i would call", "remove", "drop the", "delete", "swap", "patch", "correct it", "corrected", "solution", "=", "add ",
        "adding", "insert",
    ];

    public static readonly string[] QuestionStarts =
    [
        "is ", "are ", "do ", "does ", "did ", "was ", "were ", "have ", "has ", "can ", "could ", "would ", "will ", "what", "which", "how ",
        "when ", "where ", "why ", "who ", "any ", "quick question", "question:", "just to confirm", "to confirm", "just checking", "wondering",
        "i'm wondering", "i was wondering", "curious", "do you know", "tell me", "remind me", "clarify", "clarification", "should ",
        "might ", "what if", "wat ", "whats", "hows", "any chance", "is it possible",
    ];

    public static readonly string[] ConceptQuestionMarkers =
    [
        "what is", "what's", "whats", "what are", "what does", "what do you mean", "what do they mean", "what exactly is", "what exactly are",
        "explain", "define", "definition", "how does", "how do", "remind me", "refresh my memory", "meaning of", "what's meant by", "what is meant by",
        "mean by", "stand for", "how is", "how are", "tell me about", "what range", "what's the range", "what is the range", "range of", "max value",
        "maximum value", "largest value", "how big", "how large", "how many", "difference between", "why do", "why does", "why is", "why are",
        "why would", "what counts", "expect", "wat is", "whats a", "what's a", "what is a", "remind me", "in general", "generally",
    ];

    public static readonly string[] ImplementationMarkers =
    [
        "are the scores", "is the score", "are scores", "are attention scores", "are the attention", "is the attention", "scaled by", "scaled with",
        "divided by", "normalized by", "normalised by", "how are the", "how is the", "does the code", "does the model", "does it use", "do we use",
        "are we using", "is it using", "are they using", "does it apply", "do we apply", "is there a", "how do we compute", "how is it computed",
        "how are they computed", "where is the", "where do we", "when do we", "in what order", "what order", "before or after", "is it called",
        "do we call", "does it call", "is .", "implemented", "computed", "calculated", "applied", "handled",
    ];

    /// <summary>Words that make a hedged or definite sentence a question rather than a statement.</summary>
    public static bool IsQuestion(string n) =>
        n.TrimEnd().EndsWith('?') || QuestionStarts.Any(q => n.TrimStart().StartsWith(q, StringComparison.Ordinal));
}
