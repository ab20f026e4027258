namespace Nomad.Hcl.Tests.Functions;

public sealed class BcryptTests
{
    private static string Hash(string expression)
    {
        var value = MetaExpression.Evaluate(expression, out var error);
        error.ShouldBe("");
        return value!;
    }

    [Fact]
    public void A_hash_is_a_2a_hash_of_the_given_cost_that_verifies_against_the_password()
    {
        var hash = Hash("bcrypt(\"s3cret\", 5)");

        hash.Length.ShouldBe(60);
        hash.ShouldStartWith("$2a$05$");
        BCrypt.Net.BCrypt.Verify("s3cret", hash).ShouldBeTrue();
        BCrypt.Net.BCrypt.Verify("s3cret!", hash).ShouldBeFalse();
    }

    [Fact]
    public void Hashes_made_by_nomad_verify_so_both_run_the_same_blowfish()
    {
        // Recorded from Nomad's parser: bcrypt("hello") and bcrypt("hello", 4), and a 83-byte password it truncated.
        BCrypt.Net.BCrypt.Verify("hello", "$2a$10$tDeRZUoS25DSLieeu03nj.7Calu4HnaxgITep3p0Oq0TiPK5gqgfm").ShouldBeTrue();
        BCrypt.Net.BCrypt.Verify("hello", "$2a$04$SKZKNOwa972jSlJqnU4NNeuOdSpRqOyC/kJLb8y4UQPp7ksLqr45a").ShouldBeTrue();
        BCrypt.Net.BCrypt.Verify("", "$2a$04$e7/xgwEH4W5x6p/uh5tmeOLAJhT7WK/1bnusXfJOmmRfWPkDL4gDu").ShouldBeTrue();
        BCrypt.Net.BCrypt.Verify(new string('a', 72), "$2a$04$1WgmmHPzfKtyGB/p0ajeK.kRRn2LfH4kkBlAcg7VlMQ7QY4Os57pq").ShouldBeTrue();
    }

    [Fact]
    public void The_salt_is_random_so_two_hashes_of_one_password_differ()
    {
        Hash("bcrypt(\"s3cret\", 4)").ShouldNotBe(Hash("bcrypt(\"s3cret\", 4)"));
    }

    [Theory]
    [InlineData("bcrypt(\"x\")", "$2a$10$")]
    [InlineData("bcrypt(\"x\", 3)", "$2a$10$")]
    [InlineData("bcrypt(\"x\", -7)", "$2a$10$")]
    [InlineData("bcrypt(\"x\", 4)", "$2a$04$")]
    [InlineData("bcrypt(\"x\", \"6\")", "$2a$06$")]
    public void A_cost_below_four_is_replaced_by_ten_as_x_crypto_does(string expression, string prefix)
    {
        Hash(expression).ShouldStartWith(prefix);
    }

    [Fact]
    public void A_password_over_72_bytes_is_refused_as_the_x_crypto_nomad_pins_refuses_it()
    {
        // 71 ASCII bytes + "é" (2 bytes) = 73 bytes.
        MetaExpression.Evaluate($"bcrypt(\"{new string('a', 71)}é\", 4)", out var error).ShouldBeNull();
        error.ShouldBe("input.hcl:3,9-16: Error in function call; Call to function \"bcrypt\" failed: error occured generating password bcrypt: password length exceeds 72 bytes.");
        Hash($"bcrypt(\"{new string('a', 72)}\", 4)").ShouldStartWith("$2a$04$");
    }
}
