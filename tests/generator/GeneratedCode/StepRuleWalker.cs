using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BmsRules.Generator.Tests.GeneratedCode;

/// <summary>
/// Walks a method body of the generated engine and records every construct the board's hot path
/// must not contain: heap allocations (reference-type or array creation, boxing, string building),
/// lambdas and anonymous methods, LINQ, calls to <c>params</c> methods, and <c>throw</c>. Uses the
/// semantic model, so <c>new SomeStruct { … }</c> (no allocation) is allowed and a class is not.
/// Methods of the same source that the body calls are walked too (the step's helpers are part of it).
/// </summary>
internal sealed class StepRuleWalker : CSharpSyntaxWalker
{
    private readonly SemanticModel _model;
    private readonly HashSet<IMethodSymbol> _visited = new(SymbolEqualityComparer.Default);
    private readonly Queue<MethodDeclarationSyntax> _pending = new();
    private readonly List<string> _findings = new();

    private StepRuleWalker(SemanticModel model) => _model = model;

    /// <summary>What was found: one "line N: code — why" per forbidden construct.</summary>
    public IReadOnlyList<string> Findings => _findings;

    /// <summary>The names of the methods walked: the one given and the generated helpers it calls.</summary>
    public IReadOnlyList<string> WalkedMethods => _visited.Select(m => m.Name).ToList();

    /// <summary>Walks <paramref name="method"/> and, transitively, the methods of the same source it calls.</summary>
    public static StepRuleWalker Walk(SemanticModel model, MethodDeclarationSyntax method)
    {
        var walker = new StepRuleWalker(model);
        walker._visited.Add(model.GetDeclaredSymbol(method)!);
        walker._pending.Enqueue(method);
        while (walker._pending.Count > 0) walker.Visit(walker._pending.Dequeue());
        return walker;
    }

    public override void VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) => Report(node, "lambda");

    public override void VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) => Report(node, "lambda");

    public override void VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node) => Report(node, "anonymous method");

    public override void VisitLocalFunctionStatement(LocalFunctionStatementSyntax node) => Report(node, "local function (may capture)");

    public override void VisitThrowStatement(ThrowStatementSyntax node) => Report(node, "throw");

    public override void VisitThrowExpression(ThrowExpressionSyntax node) => Report(node, "throw");

    public override void VisitArrayCreationExpression(ArrayCreationExpressionSyntax node) => Report(node, "array allocation");

    public override void VisitImplicitArrayCreationExpression(ImplicitArrayCreationExpressionSyntax node) => Report(node, "array allocation");

    public override void VisitAnonymousObjectCreationExpression(AnonymousObjectCreationExpressionSyntax node) => Report(node, "anonymous object allocation");

    public override void VisitInterpolatedStringExpression(InterpolatedStringExpressionSyntax node) => Report(node, "string interpolation");

    public override void VisitQueryExpression(QueryExpressionSyntax node) => Report(node, "LINQ query");

    public override void VisitObjectCreationExpression(ObjectCreationExpressionSyntax node)
    {
        CheckCreation(node);
        base.VisitObjectCreationExpression(node);
    }

    public override void VisitImplicitObjectCreationExpression(ImplicitObjectCreationExpressionSyntax node)
    {
        CheckCreation(node);
        base.VisitImplicitObjectCreationExpression(node);
    }

    public override void VisitBinaryExpression(BinaryExpressionSyntax node)
    {
        if (node.IsKind(SyntaxKind.AddExpression) && _model.GetTypeInfo(node).Type?.SpecialType == SpecialType.System_String)
        {
            Report(node, "string concatenation");
        }
        base.VisitBinaryExpression(node);
    }

    public override void VisitInvocationExpression(InvocationExpressionSyntax node)
    {
        if (_model.GetSymbolInfo(node).Symbol is IMethodSymbol method)
        {
            if (method.Parameters.Any(p => p.IsParams)) Report(node, $"call to a params method ({method.Name})");
            if (IsLinq(method)) Report(node, "LINQ");
            Follow(method);
        }
        base.VisitInvocationExpression(node);
    }

    public override void VisitIdentifierName(IdentifierNameSyntax node)
    {
        if (IsLinq(_model.GetSymbolInfo(node).Symbol)) Report(node, "LINQ");
        base.VisitIdentifierName(node);
    }

    public override void DefaultVisit(SyntaxNode node)
    {
        if (node is ExpressionSyntax expression) CheckBoxing(expression);
        base.DefaultVisit(node);
    }

    private void CheckCreation(BaseObjectCreationExpressionSyntax node)
    {
        var type = _model.GetTypeInfo(node).Type;
        if (type is null || !type.IsValueType) Report(node, $"allocation of {type?.ToDisplayString() ?? "an unknown type"}");
    }

    private void CheckBoxing(ExpressionSyntax expression)
    {
        if (_model.GetConversion(expression).IsBoxing) Report(expression, "boxing");
    }

    private void Follow(IMethodSymbol method)
    {
        if (!_visited.Add(method.OriginalDefinition)) return;
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == _model.SyntaxTree && reference.GetSyntax() is MethodDeclarationSyntax declaration)
            {
                _pending.Enqueue(declaration);
            }
        }
    }

    private static bool IsLinq(ISymbol? symbol)
    {
        for (var ns = symbol?.ContainingNamespace; ns is not null; ns = ns.ContainingNamespace)
        {
            if (ns.ToDisplayString() == "System.Linq") return true;
        }
        return false;
    }

    private void Report(SyntaxNode node, string why)
    {
        var line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
        var text = node.ToString();
        _findings.Add($"line {line}: {(text.Length > 80 ? text.Substring(0, 80) + "…" : text)} — {why}");
    }
}
