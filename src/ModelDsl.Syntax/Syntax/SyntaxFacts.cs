namespace ModelDsl.Syntax;

/// <summary>Keywords and token texts.</summary>
public static class SyntaxFacts
{
    private static readonly Dictionary<string, SyntaxKind> Keywords = new(StringComparer.Ordinal)
    {
        ["model"] = SyntaxKind.ModelKeyword, ["group"] = SyntaxKind.GroupKeyword,
        ["fermion"] = SyntaxKind.FermionKeyword, ["scalar"] = SyntaxKind.ScalarKeyword,
        ["param"] = SyntaxKind.ParamKeyword, ["potential"] = SyntaxKind.PotentialKeyword,
        ["yukawa"] = SyntaxKind.YukawaKeyword, ["majorana"] = SyntaxKind.MajoranaKeyword,
        ["vev"] = SyntaxKind.VevKeyword, ["check"] = SyntaxKind.CheckKeyword,
        ["coupling"] = SyntaxKind.CouplingKeyword, ["const"] = SyntaxKind.ConstKeyword,
        ["let"] = SyntaxKind.LetKeyword, ["define"] = SyntaxKind.DefineKeyword, ["kernel"] = SyntaxKind.KernelKeyword,
        ["texture"] = SyntaxKind.TextureKeyword, ["table"] = SyntaxKind.TableKeyword, ["system"] = SyntaxKind.SystemKeyword,
        ["use"] = SyntaxKind.UseKeyword, ["library"] = SyntaxKind.LibraryKeyword, ["input"] = SyntaxKind.InputKeyword,
        ["include"] = SyntaxKind.IncludeKeyword, ["definitions"] = SyntaxKind.DefinitionsKeyword,
    };

    /// <summary>The keyword kind of a name, or <see cref="SyntaxKind.Identifier"/>.</summary>
    public static SyntaxKind KeywordKind(string text) => Keywords.GetValueOrDefault(text, SyntaxKind.Identifier);

    /// <summary>True for the keywords that start a declaration.</summary>
    public static bool StartsDeclaration(SyntaxKind kind) =>
        kind is SyntaxKind.ModelKeyword or SyntaxKind.GroupKeyword or SyntaxKind.FermionKeyword or SyntaxKind.ScalarKeyword
            or SyntaxKind.ParamKeyword or SyntaxKind.PotentialKeyword or SyntaxKind.YukawaKeyword
            or SyntaxKind.MajoranaKeyword or SyntaxKind.VevKeyword or SyntaxKind.CheckKeyword
            or SyntaxKind.ConstKeyword or SyntaxKind.LetKeyword or SyntaxKind.DefineKeyword or SyntaxKind.KernelKeyword
            or SyntaxKind.TextureKeyword or SyntaxKind.TableKeyword or SyntaxKind.SystemKeyword
            or SyntaxKind.UseKeyword or SyntaxKind.LibraryKeyword or SyntaxKind.InputKeyword
            or SyntaxKind.IncludeKeyword or SyntaxKind.DefinitionsKeyword;

    /// <summary>How a token kind is written, for messages.</summary>
    public static string Describe(SyntaxKind kind) => kind switch
    {
        SyntaxKind.EndOfFile => "end of file",
        SyntaxKind.Identifier => "a name",
        SyntaxKind.Number => "a number",
        SyntaxKind.String => "a string",
        SyntaxKind.OpenBrace => "'{'",
        SyntaxKind.CloseBrace => "'}'",
        SyntaxKind.OpenParen => "'('",
        SyntaxKind.CloseParen => "')'",
        SyntaxKind.OpenBracket => "'['",
        SyntaxKind.CloseBracket => "']'",
        SyntaxKind.Comma => "','",
        SyntaxKind.Colon => "':'",
        SyntaxKind.Dot => "'.'",
        SyntaxKind.Equals => "'='",
        SyntaxKind.Plus => "'+'",
        SyntaxKind.Minus => "'-'",
        SyntaxKind.Star => "'*'",
        SyntaxKind.Slash => "'/'",
        SyntaxKind.Caret => "'^'",
        SyntaxKind.Arrow => "'->'",
        SyntaxKind.NotEquals => "'!='",
        SyntaxKind.HermitianConjugate => "'h.c.'",
        SyntaxKind.BadToken => "a bad character",
        _ => "'" + kind.ToString().Replace("Keyword", "").ToLowerInvariant() + "'",
    };
}
