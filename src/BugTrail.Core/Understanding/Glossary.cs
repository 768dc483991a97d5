namespace BugTrail.Core.Understanding;

/// <summary>A textbook answer to a question about a general ML concept; never about the scenario.</summary>
public sealed record GlossaryEntry(string Id, IReadOnlyList<string> Terms, string Answer);

/// <summary>
/// Classroom definitions for clarifying questions (guide C.2). Each answer explains the concept as a
/// lecture would, without connecting it to any symptom; the leak guard checks them per scenario anyway.
/// </summary>
public static class Glossary
{
    public static readonly IReadOnlyList<GlossaryEntry> Entries =
    [
        new("bf16", ["bf16", "bfloat16", "bfloat 16", "brain float", "bfloat"],
            "bfloat16 has 1 sign bit, 8 exponent bits and 7 mantissa bits: the same exponent range as fp32 (largest finite value about 3.4 × 10^38) with far less precision, roughly 2–3 significant decimal digits."),
        new("fp16", ["fp16", "float16", "half precision", "half-precision", "float 16", "ieee half"],
            "fp16 (IEEE half precision) has 1 sign bit, 5 exponent bits and 10 mantissa bits. Its largest finite value is 65504, its smallest normal value is about 6.1 × 10^-5 (subnormals reach about 6 × 10^-8), and it carries roughly 3 significant decimal digits."),
        new("fp32", ["fp32", "float32", "single precision", "single-precision", "full precision"],
            "fp32 (IEEE single precision) has 8 exponent bits and 23 mantissa bits; its largest finite value is about 3.4 × 10^38 and it carries roughly 7 significant decimal digits."),
        new("mixed_precision", ["mixed precision", "mixed-precision", "amp", "autocast"],
            "Mixed-precision training runs most matrix multiplications in a 16-bit format (fp16 or bf16) for speed and memory, while keeping the master weights and numerically sensitive operations such as reductions, softmax and losses in fp32. In PyTorch, torch.autocast picks the dtype per operation."),
        new("loss_scaling", ["loss scaling", "loss scale", "gradscaler", "grad scaler", "gradient scaler", "dynamic scaling"],
            "Loss scaling multiplies the loss by a factor before backward so that small fp16 gradients do not underflow to zero, and divides the gradients by the same factor before the optimizer step. A dynamic scaler such as torch's GradScaler skips a step and lowers the factor when it finds inf or NaN gradients, and raises it again after a run of clean steps."),
        new("gradient_clipping", ["gradient clipping", "grad clipping", "clip_grad", "clipping", "clip grad"],
            "Gradient clipping bounds the size of an update. Clipping by norm rescales all gradients together so their global norm is at most a threshold; clipping by value caps each element separately."),
        new("gradient_accumulation", ["gradient accumulation", "grad accumulation", "grad_accum", "accumulation steps", "accumulate gradients", "grad accum"],
            "Gradient accumulation splits a large batch into smaller micro-batches. Each micro-batch's backward pass adds its gradients into .grad, and the optimizer steps once after all of them, which emulates the large batch with less memory."),
        new("qk_norm", ["qk norm", "qk-norm", "qk normalization", "qk normalisation", "query-key norm", "query key norm"],
            "QK normalization applies a normalization (for example LayerNorm or RMSNorm per head) to the query and key vectors before their dot products are taken. It is a technique for keeping attention training stable."),
        new("rope", ["rope", "rotary"],
            "Rotary position embeddings (RoPE) encode position by rotating pairs of query and key dimensions through angles proportional to the token's position, so the dot product between a query and a key depends on their relative distance."),
        new("positional_embeddings", ["positional embedding", "position embedding", "positional encoding", "position encoding", "positional information"],
            "Positional embeddings give a model information about where each token sits in the sequence. Common choices are fixed sinusoidal embeddings and learned embeddings (absolute positions) and rotary embeddings (relative positions, through rotation)."),
        new("layer_norm", ["layernorm", "layer norm", "layer normalization", "layer normalisation", "pre-ln", "post-ln", "rmsnorm"],
            "Layer normalization normalizes each token's feature vector to zero mean and unit variance across its features, then applies a learned scale and shift. It uses no batch statistics, so it behaves the same in training and inference."),
        new("batch_norm", ["batchnorm", "batch norm", "batch normalization", "batch normalisation", "running mean", "running stats", "running statistics"],
            "Batch normalization normalizes each feature with the mean and variance of the current batch during training, and keeps running averages of those statistics; in eval mode it normalizes with the running averages instead of the batch."),
        new("dropout", ["dropout"],
            "Dropout zeroes each activation with probability p during training and scales the rest by 1/(1 - p); in eval mode it does nothing."),
        new("softmax", ["softmax"],
            "Softmax turns a vector of scores into probabilities: exp(x_i) divided by the sum of exp(x_j). Implementations subtract the maximum score first, which leaves the result unchanged and keeps exp from overflowing."),
        new("cross_entropy", ["cross entropy", "cross-entropy", "crossentropy", "nll", "negative log likelihood", "log loss"],
            "Cross-entropy measures how much probability a model puts on the correct class: the negative log of that probability. PyTorch's nn.CrossEntropyLoss takes raw logits and applies log-softmax internally; nn.NLLLoss takes log-probabilities."),
        new("adam", ["adam", "adamw"],
            "Adam keeps running averages of each parameter's gradient (first moment) and squared gradient (second moment) and updates by the ratio of the two, scaled by the learning rate. AdamW applies weight decay directly to the weights instead of through the gradient."),
        new("warmup", ["warmup", "warm-up", "warm up"],
            "Learning-rate warmup starts training with a small learning rate and raises it, usually linearly, to its peak over the first few hundred or thousand steps."),
        new("weight_decay", ["weight decay", "weight_decay", "l2 regularization", "l2 regularisation"],
            "Weight decay shrinks the weights toward zero a little at every step, which acts as a regularizer; with plain SGD it is equivalent to an L2 penalty on the weights."),
        new("kv_cache", ["kv cache", "kv-cache", "key-value cache", "key value cache", "kv caching"],
            "A KV cache stores the keys and values of tokens already processed during autoregressive decoding, so each new token only computes its own query, key and value and attends over the cached ones instead of recomputing the whole prefix."),
        new("ddp", ["ddp", "distributeddataparallel", "distributed data parallel", "data parallel"],
            "DistributedDataParallel runs one model replica per process; each process computes gradients on its own shard of the batch, and during backward the gradients are all-reduced so every replica ends up with the same averaged gradient before the optimizer step."),
        new("long_range_dependencies", ["long-range dependenc", "long range dependenc", "long-range", "long range"],
            "Long-range dependencies are relationships between tokens that are far apart in a sequence, such as a pronoun late in a paragraph referring to a name near its start."),
        new("data_leakage", ["data leakage", "leakage", "data leak", "target leakage"],
            "Data leakage is information from outside the training data (for example from the validation or test set, or from the future) reaching the model or its preprocessing during training, which makes evaluation look better than real-world performance."),
        new("attention", ["attention", "self-attention", "self attention", "dot-product attention", "dot product attention"],
            "Attention computes, for each query, a weighted average of value vectors, with weights given by a softmax over the similarity scores between that query and every key. Scaled dot-product attention computes those scores as q·k divided by √d_k."),
        new("autograd", ["autograd", "computation graph", "computational graph", "backward pass", "backprop"],
            "Autograd records the operations applied to tensors that require gradients in a graph; calling backward() walks that graph from the output to the leaves and adds each leaf's gradient into its .grad field."),
    ];
}
