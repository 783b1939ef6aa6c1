// The module's folders are namespaces of their own; the tests reach into all of them.
global using EncordSpec.Format;
global using EncordSpec.Grouping;
global using EncordSpec.Input;
global using EncordSpec.Listing;
global using EncordSpec.Loading;
global using EncordSpec.Metadata;
global using EncordSpec.Reading;
global using EncordSpec.Urls;
global using EncordSpec.Validation;
global using EncordSpec.Writing;

// Helpers every test folder uses (test data, JSON comparison, fault servers).
global using EncordSpec.Tests.Support;
