using System.Numerics;

namespace BugTrail.Core.Understanding.Meaning;

internal static class Vectors
{
    /// <summary>The cosine of two unit vectors (SIMD; a fixed summation order, so the same inputs give the same value).</summary>
    public static double Dot(float[] a, float[] b)
    {
        var width = Vector<float>.Count;
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - width; i += width) sum += new Vector<float>(a, i) * new Vector<float>(b, i);
        var total = Vector.Dot(sum, Vector<float>.One);
        for (; i < a.Length; i++) total += a[i] * b[i];
        return total;
    }
}
