const users = new Map([["admin", { id: 1, password: "changeme", token: "t-1" }]]);

exports.checkPassword = async (username, password) => {
    const user = users.get(username);
    if (!user || user.password !== password) {
        throw new Error("Incorrect username or password.");
    }
    return user;
};
