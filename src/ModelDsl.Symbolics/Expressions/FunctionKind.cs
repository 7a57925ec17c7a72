namespace ModelDsl.Symbolics.Expressions;

/// <summary>The built-in functions of the expression language (square roots are powers 1/2).</summary>
public enum FunctionKind
{
    /// <summary>exp(z).</summary>
    Exp,
    /// <summary>Principal logarithm log(z).</summary>
    Log,
    /// <summary>Absolute value |z|.</summary>
    Abs,
    /// <summary>Complex conjugate.</summary>
    Conj,
    /// <summary>Real part.</summary>
    Re,
    /// <summary>Imaginary part.</summary>
    Im,
    /// <summary>sin(z).</summary>
    Sin,
    /// <summary>cos(z).</summary>
    Cos,
    /// <summary>atan(x) (real argument).</summary>
    Atan,
    /// <summary>sign(x) in {-1, 0, 1} (real argument).</summary>
    Sign,
    /// <summary>Heaviside step theta(x): 1 for x &gt; 0, 0 for x &lt; 0, 1/2 at x = 0 (real argument).</summary>
    Theta,
    /// <summary>Minimum of real arguments.</summary>
    Min,
    /// <summary>Maximum of real arguments.</summary>
    Max,
    /// <summary>ifpos(c, a, b): a when c &gt; 0, otherwise b (c real); compiled to a branch, so only one side is evaluated.</summary>
    IfPos,
}
